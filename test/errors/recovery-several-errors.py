# surgec goes on after an error: independent mistakes in one file are all
# reported, in source order, and counted.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+9]]:22: error: invalid syntax
# CHECK: [[FILE]]:[[@LINE+12]]:17: error: expected ':'
# CHECK: [[FILE]]:[[@LINE+16]]:15: error: closing parenthesis ']' does not match opening parenthesis '('
# CHECK-NOT: error:
# CHECK: 3 errors generated.
# RUN: not %surgec -fsyntax-only %s > /dev/null 2> %t.err
# RUN: grep -c ': error: ' %t.err | FileCheck %s --check-prefix=COUNT
# COUNT: {{^}}3{{$}}
def mean(xs):
    total = sum(xs) +
    return total / len(xs)


def report(rows)
    for row in rows:
        print(row)


values = (1, 2]
print(mean(values))
