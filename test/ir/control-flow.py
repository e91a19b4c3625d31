# break out of nested loops, for-else, and a return through try/finally.
# RUN: %surgec -print-ir %s | FileCheck %s

# CHECK-LABEL: func @find(
def find(grid, target):
    for row in grid:
        for v in row:
            if v == target:
                break
        else:
            continue
        break
    else:
        return None
    return v
# The outer loop's exhaustion goes to its else (return None); the inner
# loop's to its else, which continues the outer loop; the inner break
# reaches the outer break, which leaves to the final return.
# CHECK:       bb1 (for.head):  ; preds: bb0 bb7
# CHECK-NEXT:    %[[ROW:[0-9]+]] = iternext %{{[0-9]+}}, bb2, bb3 : object {{.*}}; row
# CHECK:       bb3 (for.else):  ; preds: bb1
# CHECK:         ret %{{[0-9]+}}
# CHECK:       bb4 (for.end):  ; preds: bb8
# CHECK-NEXT:    ret %[[V:[0-9]+]]
# CHECK:       bb5 (for.head):  ; preds: bb2 bb10
# CHECK-NEXT:    %[[V]] = iternext %{{[0-9]+}}, bb6, bb7 {{.*}}; v
# CHECK:       bb7 (for.else):  ; preds: bb5
# CHECK-NEXT:    br bb1
# CHECK:       bb8 (for.end):  ; preds: bb9
# CHECK-NEXT:    br bb4
# CHECK:       bb9 (if.then):  ; preds: bb6
# CHECK-NEXT:    br bb8
# CHECK:       ; region for s0 {{.*}}: head bb1 body bb2 else bb3 exit bb4
# CHECK-NEXT:  ; region for s0 {{.*}}: head bb5 body bb6 else bb7 exit bb8

# CHECK-LABEL: func @guarded(
def guarded(f):
    try:
        return f.read()
    finally:
        f.close()
# The return runs a copy of the finally body after computing its value; an
# exception runs the exceptional copy, which re-raises.
# CHECK:       bb1 (finally.exc):
# CHECK-NEXT:    call_method %1.close()
# CHECK-NEXT:    raise
# CHECK:       bb2 (try.body):  ; preds: bb0, handler: bb1
# CHECK-NEXT:    %[[R:[0-9]+]] = call_method %1.read()
# CHECK-NEXT:    br bb[[COPY:[0-9]+]]
# CHECK:       bb[[COPY]] (finally.copy):
# CHECK-NEXT:    call_method %1.close()
# CHECK-NEXT:    ret %[[R]]
# CHECK:       ; region try s0 {{.*}}: head bb0 body bb2 finally bb1 exit bb4
