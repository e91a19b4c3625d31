# Every block opener is named in CPython's words; each missing block is
# reported and the parse goes on.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:16:1: error: expected an indented block after 'while' statement on line 15
# CHECK: [[FILE]]:18:1: error: expected an indented block after 'with' statement on line 17
# CHECK: [[FILE]]:20:1: error: expected an indented block after 'try' statement on line 19
# CHECK: [[FILE]]:22:1: error: expected an indented block after 'except' statement on line 21
# CHECK: [[FILE]]:26:1: error: expected an indented block after 'finally' statement on line 25
# CHECK: [[FILE]]:30:1: error: expected an indented block after 'elif' statement on line 29
# CHECK: [[FILE]]:32:1: error: expected an indented block after 'else' statement on line 31
# CHECK-NOT: error:
# CHECK: 7 errors generated.
import csv
while x:
x = 0
with open("f") as f:
x = 1
try:
x = 2
except ValueError:
x = 3
try:
    x = 4
finally:
x = 5
if x:
    pass
elif x > 1:
x = 6
else:
x = 7
