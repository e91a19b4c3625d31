# out-of-ssa on loops left by break, loops with else, and a try in a loop.
# RUN: %surgec -passes=simplifycfg,constfold,simplifycfg,copyprop,dce,out-of-ssa -print-ir %s | FileCheck %s
# RUN: %surgec -passes=out-of-ssa -print-ir %s | not grep '= phi'


# Breaking out of two loops: the outer loop's exit joins the edge from its
# test (a condbr: critical, so split) and the inner loop's break.
def nested(m):
    found = -1
    i = 0
    while i < m:
        j = 0
        while j < m:
            if i * j == 6:
                found = i
                break
            j += 1
        else:
            i += 1
            continue
        break
    return found, i

# CHECK-LABEL: func @nested(
# CHECK-NEXT:    ; vars: [[I:%[0-9]+]] i, [[F:%[0-9]+]] found, [[J:%[0-9]+]] j{{$}}
# CHECK:         [[M1:%[0-9]+]] = const int -1
# CHECK:       bb1 (while.head):
# CHECK:         condbr %{{[0-9]+}}, bb2, bb[[SPLIT:[0-9]+]]
# CHECK:       bb2 (while.body):
# CHECK-NEXT:    [[Z:%[0-9]+]] = const int 0
# CHECK-NEXT:    {{^  }}[[J]] <- [[Z]]{{ }}
# CHECK:       bb3 (while.end):  ; preds: bb[[SPLIT]] bb[[INNER_END:[0-9]+]]
# CHECK-NEXT:    build_tuple [[F]], [[I]]
# CHECK:       bb6 (while.else):
# CHECK:         [[I1:%[0-9]+]] = binop += [[I]],
# CHECK-NEXT:    {{^  }}[[I]] <- [[I1]]{{ }}
# CHECK-NEXT:    br bb1
# CHECK:       bb[[INNER_END]] (while.end):
# CHECK-NEXT:    {{^  }}[[F]] <- [[I]]{{ }}
# CHECK-NEXT:    br bb3
# CHECK:       bb[[SPLIT]] (crit_edge):  ; preds: bb1
# CHECK-NEXT:    {{^  }}[[F]] <- [[M1]]{{ }}
# CHECK-NEXT:    br bb3


# for-else: the loop's exit joins the break and the else; the item of
# iternext is copied on the back edge, where it exists.
def forelse(xs):
    best = 0
    for x in xs:
        if x < 0:
            break
        best = x
    else:
        best = -1
    return best

# CHECK-LABEL: func @forelse(
# CHECK-NEXT:    ; vars: [[B:%[0-9]+]] best, [[R:%[0-9]+]] best{{$}}
# CHECK:       bb1 (for.head):
# CHECK-NEXT:    [[X:%[0-9]+]] = iternext
# CHECK:       bb3 (for.else):
# CHECK-NEXT:    [[M1:%[0-9]+]] = const int -1
# CHECK-NEXT:    {{^  }}[[R]] <- [[M1]]{{ }}
# CHECK-NEXT:    br bb4
# CHECK:       bb4 (for.end):
# CHECK-NEXT:    ret [[R]]
# CHECK:       bb5 (if.then):
# CHECK-NEXT:    {{^  }}[[R]] <- [[B]]{{ }}
# CHECK-NEXT:    br bb4
# CHECK:       bb6 (if.end):
# CHECK-NEXT:    {{^  }}[[B]] <- [[X]]{{ }}
# CHECK-NEXT:    br bb1


# What a try body assigns lives in a slot, so the handler has no phi and
# the loop's counter alone becomes a var; the try's blocks keep their
# handler.
def guarded(xs):
    total = 0
    n = 0
    for x in xs:
        n += 1
        try:
            total = total + int(x)
        except ValueError:
            total = total - 1
    return total, n

# CHECK-LABEL: func @guarded(
# CHECK-NEXT:    ; slots: total
# CHECK-NEXT:    ; vars: [[N:%[0-9]+]] n{{$}}
# CHECK:       bb{{[0-9]+}} (try.handlers):
# CHECK-NOT:   {{ <- }}
# CHECK:       bb{{[0-9]+}} (try.end):  ; preds: {{.*}}, handler: bb{{[0-9]+}}
# CHECK-NEXT:    {{^  }}[[N]] <- %{{[0-9]+}}
# CHECK-NEXT:    br bb1
