# Where names live: module names that functions read are published with
# store_global; captured locals are cells; builtins are builtins.
# RUN: %surgec -print-ir %s | FileCheck %s

LIMIT = 10
results = []

def record(x):
    if x < LIMIT:
        results.append(x)

def outer(k):
    def inner(x):
        return x + k
    return inner

record(len(results))

# CHECK-LABEL: func @<module>(
# CHECK:         %[[L:[0-9]+]] = const int 10 : int {{.*}}; LIMIT
# CHECK-NEXT:    store_global LIMIT, %[[L]]
# CHECK:         %[[R:[0-9]+]] = build_list  : list {{.*}}; results
# CHECK-NEXT:    store_global results, %[[R]]
# CHECK:         %[[F:[0-9]+]] = make_function @record : func
# CHECK:         %[[LEN:[0-9]+]] = builtin len
# CHECK-NEXT:    %[[N:[0-9]+]] = call %[[LEN]](%[[R]]) : int
# CHECK-NEXT:    call %[[F]](%[[N]])

# CHECK-LABEL: func @record(
# CHECK:         load_global LIMIT
# CHECK:         %[[RS:[0-9]+]] = load_global results
# CHECK-NEXT:    call_method %[[RS]].append(%1)

# CHECK-LABEL: func @outer(
# CHECK-NEXT:    ; cells: k
# CHECK:         %[[C:[0-9]+]] = cell_new k
# CHECK-NEXT:    cell_store %[[C]], %1
# CHECK-NEXT:    make_function @inner, %[[C]]

# CHECK-LABEL: func @inner(
# CHECK-NEXT:    ; free: k
# CHECK:         %[[K:[0-9]+]] = param 1 {{.*}}; k
# CHECK-NEXT:    %[[V:[0-9]+]] = cell_load %[[K]]
# CHECK-NEXT:    binop + %1, %[[V]]
