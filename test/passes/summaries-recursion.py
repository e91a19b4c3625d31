# A function that calls itself is its own callee: what its summary learns
# after the recursive call holds at that call too, so the summary is
# computed again until it stops growing.
# RUN: %surgec -print-summaries %s | FileCheck %s
# CHECK: summary @<module>: pure;
XS = []
YS = []

# The arguments swap on the way down: whatever mutates a also mutates b,
# though a.append comes after the call.
# CHECK-NEXT: summary @swap: reads swap; mutates param a, param b;
def swap(a, b, n):
    if n:
        swap(b, a, n - 1)
    a.append(n)

# The same with the mutation first.
# CHECK-NEXT: summary @swap_first: reads swap_first; mutates param a, param b;
def swap_first(a, b, n):
    a.append(n)
    if n:
        swap_first(b, a, n - 1)

# A keyword argument to a callee that mutates a parameter is not mapped
# to the parameter yet: the call mutates unknown objects.
# CHECK-NEXT: summary @by_keyword: reads by_keyword; mutates param b, unknown;
def by_keyword(a, b, n):
    if n:
        by_keyword(b, a=a, n=n - 1)
    b.append(n)

# Callers see both.
# CHECK-NEXT: summary @use: reads swap,XS,YS; mutates global XS, global YS;
def use():
    swap(XS, YS, 2)
