# The match statement is rejected as a whole, case blocks included; the
# code after it is still checked.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:1: error: unsupported: match statement{{$}}
# CHECK-NEXT: {{^}}match command.split():{{$}}
# CHECK-NEXT: {{^}}^{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+15]]:5: error: unsupported: match statement{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+18]]:11: error: unmatched ')'{{$}}
# CHECK-NEXT: {{^}}after = ()){{$}}
# CHECK-NEXT: {{^}}          ^{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
command = "go north"
match command.split():
    case ["go", direction]:
        print(direction)

    case _:
        # a comment in a case block
        pass
def f(x, y):
    z = 0
    match (x, y):
        case (0, 0):
            return "origin"
    return z
after = ())
