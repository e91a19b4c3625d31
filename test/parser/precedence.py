# Operator precedence and associativity follow Python's grammar.
# RUN: %surgec -ast-dump %s | FileCheck %s

x = -a ** 2
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         UnaryOp -
# CHECK-NEXT:      BinOp **
# CHECK-NEXT:        Name a
# CHECK-NEXT:        Int 2

y = 2 ** -1 ** 2
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         BinOp **
# CHECK-NEXT:      Int 2
# CHECK-NEXT:      UnaryOp -
# CHECK-NEXT:        BinOp **

z = a - b - c * d % e
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         BinOp -
# CHECK-NEXT:      BinOp -
# CHECK-NEXT:        Name a
# CHECK-NEXT:        Name b
# CHECK-NEXT:      BinOp %
# CHECK-NEXT:        BinOp *

w = a | b ^ c & d << e + f
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         BinOp |
# CHECK-NEXT:      Name a
# CHECK-NEXT:      BinOp ^
# CHECK-NEXT:        Name b
# CHECK-NEXT:        BinOp &
# CHECK-NEXT:          Name c
# CHECK-NEXT:          BinOp <<
# CHECK-NEXT:            Name d
# CHECK-NEXT:            BinOp +

v = not a == b and c or d
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         BoolOp or
# CHECK-NEXT:      BoolOp and
# CHECK-NEXT:        UnaryOp not
# CHECK-NEXT:          Compare ==
# CHECK:           Name c
# CHECK-NEXT:      Name d

u = a < b <= c != d in e not in f is g is not h
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         Compare < <= != in not in is is not
# CHECK-NEXT:      Name a
# CHECK-NEXT:      Name b

t = (a < b) < c
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         Compare <
# CHECK-NEXT:      Compare <

s = a or b or c
r = (a or b) or c
# CHECK: Assign <[[@LINE-2]]:1
# CHECK:         BoolOp or
# CHECK-NEXT:      Name a
# CHECK-NEXT:      Name b
# CHECK-NEXT:      Name c
# CHECK: Assign <[[@LINE-6]]:1
# CHECK:         BoolOp or
# CHECK-NEXT:      BoolOp or

q = a if b else c if d else e
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         IfExp
# CHECK-NEXT:      test:
# CHECK-NEXT:        Name b
# CHECK-NEXT:      then:
# CHECK-NEXT:        Name a
# CHECK-NEXT:      else:
# CHECK-NEXT:        IfExp

p = lambda x, y=2: x + y
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         Lambda
# CHECK-NEXT:      param x
# CHECK-NEXT:      param y
# CHECK-NEXT:        default:
# CHECK-NEXT:          Int 2
# CHECK-NEXT:      body:
# CHECK-NEXT:        BinOp +
