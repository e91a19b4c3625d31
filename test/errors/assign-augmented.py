# Only a name, an attribute or an item can be augmented; the message names
# what the target is.
# RUN: not %surgec -fsyntax-only %s 2>&1 | FileCheck %s --strict-whitespace -DFILE=%s

# CHECK: {{^}}[[FILE]]:[[@LINE+11]]:1: error: 'function call' is an illegal expression for augmented assignment{{$}}
# CHECK-NEXT: {{^}}len(xs) += 1{{$}}
# CHECK-NEXT: {{^}}^~~~~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+9]]:1: error: 'tuple' is an illegal expression for augmented assignment{{$}}
# CHECK-NEXT: {{^}}a, b += 1{{$}}
# CHECK-NEXT: {{^}}^~~~{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:1: error: 'list' is an illegal expression for augmented assignment{{$}}
# CHECK: {{^}}[[FILE]]:[[@LINE+7]]:1: error: 'literal' is an illegal expression for augmented assignment{{$}}
# CHECK: {{^}}4 errors generated.{{$}}
xs, a, b = [1], 2, 3
xs[0] += 1
len(xs) += 1
a, b += 1
[a] += 1
1 += a
