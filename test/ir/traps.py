# The classic traps of SSA construction and out-of-SSA translation.
# RUN: %surgec -print-ir %s | FileCheck %s

# The module body comes first; its code is at the end of this file:
# x, x = 1, 2 assigns left to right, the last one wins.
# CHECK-LABEL: func @<module>(
# CHECK:         %[[ONE:[0-9]+]] = extract %[[U:[0-9]+]], 0 {{.*}}; x
# CHECK-NEXT:    %[[TWO:[0-9]+]] = extract %[[U]], 1 {{.*}}; x
# CHECK-NEXT:    %[[P:[0-9]+]] = builtin print
# CHECK-NEXT:    call %[[P]](%[[TWO]])

# A swap in a loop: the phis of a and b take each other's new values.
def fib(n):
    a, b = 0, 1
    while n > 0:
        a, b = b, a + b
        n -= 1
    return a
# CHECK-LABEL: func @fib(
# CHECK:       bb1 (while.head):  ; preds: bb0 bb2
# CHECK-DAG:     %[[B:[0-9]+]] = phi [bb0: %{{[0-9]+}}], [bb2: %[[BNEW:[0-9]+]]] : object ; b
# CHECK-DAG:     %[[A:[0-9]+]] = phi [bb0: %{{[0-9]+}}], [bb2: %[[ANEW:[0-9]+]]] : object ; a
# CHECK:       bb2 (while.body):
# CHECK-NEXT:    %[[SUM:[0-9]+]] = binop + %[[A]], %[[B]]
# CHECK-NEXT:    %[[T:[0-9]+]] = build_tuple %[[B]], %[[SUM]]
# CHECK-NEXT:    %[[U:[0-9]+]] = unpack %[[T]], 2
# CHECK-NEXT:    %[[ANEW]] = extract %[[U]], 0 {{.*}}; a
# CHECK-NEXT:    %[[BNEW]] = extract %[[U]], 1 {{.*}}; b
# CHECK:       bb3 (while.end):
# CHECK-NEXT:    ret %[[A]]

# The lost-copy shape: t takes x's old value each time round, and is used
# after the loop.
def lost_copy(x, y, n):
    t = 0
    for i in range(n):
        t = x
        x = y
        y = t + y
    return t
# CHECK-LABEL: func @lost_copy(
# CHECK:       bb1 (for.head):
# CHECK-DAG:     %[[X:[0-9]+]] = phi [bb0: %1], [bb2: %[[Y:[0-9]+]]] : object ; x
# CHECK-DAG:     %[[Y]] = phi [bb0: %2], [bb2: %[[YNEW:[0-9]+]]] : object ; y
# CHECK-DAG:     %[[T:[0-9]+]] = phi [bb0: %{{[0-9]+}}], [bb2: %[[X]]] : object ; t
# CHECK:         iternext %{{[0-9]+}}, bb2, bb3 : int {{.*}}; i
# CHECK:       bb2 (for.body):
# CHECK-NEXT:    %[[YNEW]] = binop + %[[X]], %[[Y]]
# CHECK:       bb3 (for.end):
# CHECK-NEXT:    ret %[[T]]

x, x = 1, 2
print(x)

# A rotation: each phi takes the next variable's value.
def rotate(a, b, c, n):
    while n:
        a, b, c = b, c, a
        n -= 1
    return a, b, c
# CHECK-LABEL: func @rotate(
# CHECK-DAG:     %[[A:[0-9]+]] = phi [bb0: %1], [bb2: %[[A2:[0-9]+]]] : object ; a
# CHECK-DAG:     %[[B:[0-9]+]] = phi [bb0: %2], [bb2: %[[B2:[0-9]+]]] : object ; b
# CHECK-DAG:     %[[C:[0-9]+]] = phi [bb0: %3], [bb2: %[[C2:[0-9]+]]] : object ; c
# CHECK:       bb2 (while.body):
# CHECK-NEXT:    %[[T:[0-9]+]] = build_tuple %[[B]], %[[C]], %[[A]]
# CHECK-NEXT:    %[[U:[0-9]+]] = unpack %[[T]], 3
# CHECK-NEXT:    %[[A2]] = extract %[[U]], 0
# CHECK-NEXT:    %[[B2]] = extract %[[U]], 1
# CHECK-NEXT:    %[[C2]] = extract %[[U]], 2

# Targets are assigned left to right: the subscript sees the new i.
def order(lst):
    i, lst[i] = 1, 5
    return i
# CHECK-LABEL: func @order(
# CHECK:         %[[U:[0-9]+]] = unpack %{{[0-9]+}}, 2
# CHECK-NEXT:    %[[I:[0-9]+]] = extract %[[U]], 0 {{.*}}; i
# CHECK-NEXT:    %[[V:[0-9]+]] = extract %[[U]], 1
# CHECK-NEXT:    setitem %1, %[[I]], %[[V]]
# CHECK-NEXT:    ret %[[I]]
