# 'match' is a soft keyword: as an ordinary name it is accepted everywhere.
# RUN: %surgec -fsyntax-only %s
# RUN: %surgec -ast-dump %s | FileCheck %s
import math
match = [1, 2]
# CHECK: Name match store
match[0] = 3
match.count(1)
print(match)
match, other = 1, 2
match += 1
match; other
def find(match, pattern=None):
    return match
result = {
    match: 1}
match(1) if other else match
# CHECK: FunctionDef find
# CHECK: param match
