# An unparenthesized generator expression must be a call's only argument;
# a trailing comma makes it one of several.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+12]]:5: error: Generator expression must be parenthesized{{$}}
# CHECK-NEXT: {{^}}sum(x for x in xs, 10){{$}}
# CHECK-NEXT: {{^}}    ^~~~~~~~~~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+10]]:14: error: Generator expression must be parenthesized{{$}}
# CHECK-NEXT: {{^}}print("sum", x * 2 for x in xs){{$}}
# CHECK-NEXT: {{^}}             ^~~~~~~~~~~~~~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+8]]:5: error: Generator expression must be parenthesized{{$}}
# CHECK-NEXT: {{^}}sum(x for x in xs,){{$}}
# CHECK-NEXT: {{^}}    ^~~~~~~~~~~~~{{$}}
# CHECK-NEXT: {{^}}3 errors generated.{{$}}
xs = [1, 2]
ok = sum(x for x in xs) + sum((x for x in xs), 10)
sum(x for x in xs, 10)
print("sum", x * 2 for x in xs)
sum(x for x in xs,)
