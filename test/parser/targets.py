# Assignment targets keep Python's left-to-right order and store context.
# RUN: %surgec -ast-dump %s | FileCheck %s

i, lst[i] = 1, 5
# CHECK: Assign <[[@LINE-1]]:1
# CHECK-NEXT:    targets:
# CHECK-NEXT:      Tuple store
# CHECK-NEXT:        Name i store
# CHECK-NEXT:        Subscript store
# CHECK-NEXT:          Name lst
# CHECK-NEXT:          index:
# CHECK-NEXT:            Name i{{ }}
# CHECK-NEXT:    value:
# CHECK-NEXT:      Tuple

a = b = c[1:2] = x.y = [p, (q, r)] = value
# CHECK: Assign <[[@LINE-1]]:1
# CHECK-NEXT:    targets:
# CHECK-NEXT:      Name a store
# CHECK-NEXT:      Name b store
# CHECK-NEXT:      Subscript store
# CHECK:             Slice
# CHECK:           Attribute .y store
# CHECK:           List store
# CHECK-NEXT:        Name p store
# CHECK-NEXT:        Tuple store
# CHECK:         value:
# CHECK-NEXT:      Name value

x, x = 1, 2
# CHECK: Assign <[[@LINE-1]]:1
# CHECK-NEXT:    targets:
# CHECK-NEXT:      Tuple store
# CHECK-NEXT:        Name x store
# CHECK-NEXT:        Name x store

for k, (v, w), in pairs:
    del k, d[v], w.attr
# CHECK: For <[[@LINE-2]]:1
# CHECK-NEXT:    target:
# CHECK-NEXT:      Tuple store
# CHECK:         Delete
# CHECK-NEXT:      Name k del
# CHECK-NEXT:      Subscript del
# CHECK:           Attribute .attr del

total += n ** 2
# CHECK: AugAssign += <[[@LINE-1]]:1
# CHECK-NEXT:    Name total store
