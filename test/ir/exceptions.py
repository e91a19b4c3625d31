# Variables an exception can carry out of a try body live in slots; the
# handler matches the exception type, binds it, and unbinds it at its end.
# RUN: %surgec -print-ir %s | FileCheck %s

# CHECK-LABEL: func @parse(
# CHECK-NEXT:    ; slots: n
def parse(s):
    n = 0
    try:
        n = int(s)
    except ValueError as e:
        print(e)
    return n
# CHECK:       bb1 (try.handlers):
# CHECK-NEXT:    %[[T:[0-9]+]] = builtin ValueError
# CHECK-NEXT:    %[[M:[0-9]+]] = exc_match %[[T]] : bool
# CHECK-NEXT:    condbr %[[M]], bb4, bb5
# CHECK:       bb2 (try.body):  ; preds: bb0, handler: bb1
# CHECK:         slot_store n, %{{[0-9]+}}
# CHECK:       bb3 (try.end):
# CHECK-NEXT:    %[[N:[0-9]+]] = slot_load n
# CHECK-NEXT:    ret %[[N]]
# CHECK:       bb4 (except):  ; preds: bb1
# CHECK-NEXT:    %[[E:[0-9]+]] = current_exc : exception {{.*}}; e
# CHECK:         call %{{[0-9]+}}(%[[E]])
# CHECK-NEXT:    undef e
# CHECK:       bb5 (except.next):  ; preds: bb1
# CHECK-NEXT:    raise

# CHECK-LABEL: func @check(
def check(xs):
    assert len(xs) > 0, "empty"
    raise ValueError("bad") from None
# CHECK:       bb1 (assert.ok):  ; preds: bb0
# CHECK:         raise %{{[0-9]+}}, %{{[0-9]+}}
# CHECK:       bb2 (assert.fail):  ; preds: bb0
# CHECK-NEXT:    %[[AE:[0-9]+]] = builtin AssertionError
# CHECK-NEXT:    %[[MSG:[0-9]+]] = const str 'empty'
# CHECK-NEXT:    %[[X:[0-9]+]] = call %[[AE]](%[[MSG]]) : exception
# CHECK-NEXT:    raise %[[X]]
