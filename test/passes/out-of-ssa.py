# out-of-ssa on the classic traps: each phi becomes a var that copies
# assign on the edges into its block, sequentialized as parallel copies.
# RUN: %surgec -passes=simplifycfg,constfold,simplifycfg,copyprop,dce,out-of-ssa -print-ir %s | FileCheck %s
# RUN: %surgec -passes=simplifycfg,constfold,simplifycfg,copyprop,dce,out-of-ssa -print-ir %s | not grep -e '= phi' -e 'vars: .*(temp).*(temp)'
# Before: the phis that make the traps.
# RUN: %surgec -passes=simplifycfg,constfold,simplifycfg,copyprop,dce -print-ir %s | FileCheck %s --check-prefix=SSA


# A swap in a loop: the back edge's phis swap a and b, a cycle that takes
# the temporary: save a, a = b, b = the saved a.
def swap(n):
    a = 1
    b = 2
    while n > 0:
        t = a
        a = b
        b = t
        n -= 1
    return a - b

# SSA-LABEL: func @swap(
# SSA:       %[[A:[0-9]+]] = phi [bb0: %{{[0-9]+}}], [bb2: %[[B:[0-9]+]]] : {{.*}}; a
# SSA-NEXT:  %[[B]] = phi [bb0: %{{[0-9]+}}], [bb2: %[[A]]] : {{.*}}; b

# CHECK-LABEL: func @swap(
# CHECK-NEXT:    ; vars: [[N:%[0-9]+]] n, [[A:%[0-9]+]] a, [[B:%[0-9]+]] b, [[T:%[0-9]+]] (temp)
# CHECK:       bb0 (entry):
# CHECK:         {{^  }}[[A]] <- %{{[0-9]+}} {{.*}}; a
# CHECK-NEXT:    {{^  }}[[B]] <- %{{[0-9]+}} {{.*}}; b
# CHECK-NEXT:    br bb1
# CHECK:       bb2 (while.body):
# CHECK:         {{^  }}[[N]] <- %{{[0-9]+}} {{.*}}; n
# CHECK-NEXT:    {{^  }}[[T]] <- [[A]]{{ }}
# CHECK-NEXT:    {{^  }}[[A]] <- [[B]]{{ }}
# CHECK-NEXT:    {{^  }}[[B]] <- [[T]]{{ }}
# CHECK-NEXT:    br bb1
# CHECK:       bb3 (while.end):
# CHECK-NEXT:    binop - [[A]], [[B]]


# `a, b = b, a` goes through a tuple, so its phis take the tuple's items:
# no cycle, no temporary.
def swap_tuple(n):
    a = 1
    b = 2
    while n > 0:
        a, b = b, a
        n -= 1
    return a - b

# CHECK-LABEL: func @swap_tuple(
# CHECK-NEXT:    ; vars: %{{[0-9]+}} n, [[B:%[0-9]+]] b, [[A:%[0-9]+]] a{{$}}
# CHECK:         [[X:%[0-9]+]] = extract %{{[0-9]+}}, 0
# CHECK-NEXT:    [[Y:%[0-9]+]] = extract %{{[0-9]+}}, 1
# CHECK:         {{^  }}[[B]] <- [[Y]]{{ }}
# CHECK-NEXT:    {{^  }}[[A]] <- [[X]]{{ }}
# CHECK-NEXT:    br bb1


# A rotation of three: one save, four copies.
def rotate(n):
    a = 1
    b = 2
    c = 3
    while n > 0:
        t = a
        a = b
        b = c
        c = t
        n -= 1
    return a

# CHECK-LABEL: func @rotate(
# CHECK-NEXT:    ; vars: [[N:%[0-9]+]] n, [[A:%[0-9]+]] a, [[B:%[0-9]+]] b, [[C:%[0-9]+]] c, [[T:%[0-9]+]] (temp)
# CHECK:       bb2 (while.body):
# CHECK:         {{^  }}[[N]] <- %{{[0-9]+}}
# CHECK-NEXT:    {{^  }}[[T]] <- [[A]]{{ }}
# CHECK-NEXT:    {{^  }}[[A]] <- [[B]]{{ }}
# CHECK-NEXT:    {{^  }}[[B]] <- [[C]]{{ }}
# CHECK-NEXT:    {{^  }}[[C]] <- [[T]]{{ }}
# CHECK-NEXT:    br bb1


# Order matters without a cycle: y takes the old x, so it is copied before
# x is assigned; after the loop y is read from its var.
def order(n):
    x = 0
    y = 0
    while x < n:
        y = x
        x = x + 1
    return y

# CHECK-LABEL: func @order(
# CHECK-NEXT:    ; vars: [[X:%[0-9]+]] x, [[Y:%[0-9]+]] y{{$}}
# CHECK:       bb2 (while.body):
# CHECK:         [[X1:%[0-9]+]] = binop + [[X]],
# CHECK-NEXT:    {{^  }}[[Y]] <- [[X]]{{ }}
# CHECK-NEXT:    {{^  }}[[X]] <- [[X1]]{{ }}
# CHECK-NEXT:    br bb1
# CHECK:       bb3 (while.end):
# CHECK-NEXT:    ret [[Y]]


# The lost copy: the value of x's phi is read after the loop. The copy of
# x + 1 goes only on the edge back to the loop (the block `continue`
# jumps from), never before the condbr that also leaves the loop.
def lost(n):
    x = 0
    while True:
        y = x
        x = x + 1
        if x < n:
            continue
        break
    return y

# CHECK-LABEL: func @lost(
# CHECK-NEXT:    ; vars: [[X:%[0-9]+]] x{{$}}
# CHECK:       bb2 (while.body):
# CHECK-NEXT:    const int 1
# CHECK-NEXT:    [[X1:%[0-9]+]] = binop + [[X]],
# CHECK-NEXT:    cmp <
# CHECK-NEXT:    condbr %{{[0-9]+}}, bb[[BACK:[0-9]+]], bb[[OUT:[0-9]+]]
# CHECK:       bb3 (while.end):
# CHECK-NEXT:    ret [[X]]
# CHECK:       bb[[BACK]] (if.then):
# CHECK-NEXT:    {{^  }}[[X]] <- [[X1]]{{ }}
# CHECK-NEXT:    br bb1
# CHECK:       bb[[OUT]] (if.end):
# CHECK-NEXT:    br bb3


# A critical edge: the if without else jumps from its test (two
# successors) to if.end (two predecessors), whose phi feeds the loop's.
# The copy for that edge gets a block of its own.
def crit(n, k):
    s = 0
    while n > 0:
        n -= 1
        if n == k:
            s += 1
    return s

# SSA-LABEL: func @crit(
# SSA:       bb2 (while.body):
# SSA:         condbr %{{[0-9]+}}, bb4, bb5
# SSA:       bb5 (if.end):  ; preds: bb2 bb4
# SSA-NEXT:    phi [bb2: %{{[0-9]+}}], [bb4: %{{[0-9]+}}]

# CHECK-LABEL: func @crit(
# CHECK-NEXT:    ; vars: [[N:%[0-9]+]] n, [[S:%[0-9]+]] s, [[S2:%[0-9]+]] s{{$}}
# CHECK:       bb2 (while.body):
# CHECK:         condbr %{{[0-9]+}}, bb4, bb[[SPLIT:[0-9]+]]
# CHECK:       bb4 (if.then):  ; preds: bb2
# CHECK-NEXT:    const int 1
# CHECK-NEXT:    [[S1:%[0-9]+]] = binop += [[S]],
# CHECK-NEXT:    {{^  }}[[S2]] <- [[S1]]{{ }}
# CHECK-NEXT:    br bb5
# CHECK:       bb5 (if.end):  ; preds: bb[[SPLIT]] bb4
# CHECK-NEXT:    {{^  }}[[N]] <- %{{[0-9]+}}
# CHECK-NEXT:    {{^  }}[[S]] <- [[S2]]{{ }}
# CHECK-NEXT:    br bb1
# CHECK:       bb[[SPLIT]] (crit_edge):  ; preds: bb2
# CHECK-NEXT:    {{^  }}[[S2]] <- [[S]]{{ }}
# CHECK-NEXT:    br bb5
