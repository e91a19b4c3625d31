# A match statement that is the whole body of a function or an if is one
# error; the block around it must not be reported as empty or ended early.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s -DFILE=%s

# CHECK: [[FILE]]:[[@LINE+5]]:5: error: unsupported: match statement
# CHECK: [[FILE]]:[[@LINE+9]]:5: error: unsupported: match statement
# CHECK-NOT: error:
# CHECK: 2 errors generated.
def f(x):
    match x:
        case 1:
            return "one"
y = f(1)
if y:
    match y:
        case "one":
            pass
print(y)
