# Comprehensions are loops in their function, with their own variables;
# a generator expression stays lazy: a function that yields.
# RUN: %surgec -print-ir %s | FileCheck %s

x = "outer"
squares = [x * x for x in range(4) if x % 2]
print(x, sum(y for y in squares))

# CHECK-LABEL: func @<module>(
# CHECK:         %[[OUTER:[0-9]+]] = const str 'outer'
# CHECK:         %[[ACC:[0-9]+]] = build_list : list
# CHECK:         %[[IT:[0-9]+]] = iter %{{[0-9]+}} : iter[int]
# CHECK:       bb1 (comp.head):
# CHECK-NEXT:    %[[X:[0-9]+]] = iternext %[[IT]], bb2, bb3 : int {{.*}}; x
# CHECK:       bb2 (comp.body):
# CHECK:         %[[ODD:[0-9]+]] = binop % %[[X]],
# CHECK-NEXT:    condbr %[[ODD]], bb4, bb1
# The comprehension's x does not leak: print sees the outer one.
# CHECK:       bb3 (comp.end):
# CHECK:         %[[G:[0-9]+]] = make_function @genexpr.1
# CHECK-NEXT:    %[[GEN:[0-9]+]] = call %[[G]](%{{[0-9]+}}) : iter
# CHECK:         call %{{[0-9]+}}(%[[OUTER]], %{{[0-9]+}})
# CHECK:       bb4 (comp.if):
# CHECK-NEXT:    %[[SQ:[0-9]+]] = binop * %[[X]], %[[X]] : int
# CHECK-NEXT:    list_append %[[ACC]], %[[SQ]]

# CHECK-LABEL: func @genexpr.1(
# CHECK:         %[[P:[0-9]+]] = param 0 {{.*}}; .0
# CHECK:         %[[Y:[0-9]+]] = iternext %[[P]]
# CHECK:         yield %[[Y]]
