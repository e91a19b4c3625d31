# f-strings split into literal text and fields, the way CPython does.
# RUN: %surgec -ast-dump %s | FileCheck %s

a = f"x={x!r:>{width}} {{lit}} {y=}" "tail"
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         JoinedStr <[[@LINE-2]]:5-[[@LINE-2]]:44>
# CHECK-NEXT:      Str 'x='
# CHECK-NEXT:      FormattedValue !r <[[@LINE-4]]:9-[[@LINE-4]]:23>
# CHECK-NEXT:        Name x <[[@LINE-5]]:10-[[@LINE-5]]:11>
# CHECK-NEXT:        spec:
# CHECK-NEXT:          JoinedStr
# CHECK-NEXT:            Str '>'
# CHECK-NEXT:            FormattedValue
# CHECK-NEXT:              Name width <[[@LINE-10]]:16-[[@LINE-10]]:21>
# CHECK-NEXT:      Str ' {lit} y='
# CHECK-NEXT:      FormattedValue !r
# CHECK-NEXT:        Name y
# CHECK-NEXT:      Str 'tail'

b = f"{a, b}" f'{d["k"]:.2f}'
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         JoinedStr
# CHECK-NEXT:      FormattedValue
# CHECK-NEXT:        Tuple
# CHECK-NEXT:          Name a
# CHECK-NEXT:          Name b
# CHECK-NEXT:      FormattedValue
# CHECK-NEXT:        Subscript
# CHECK-NEXT:          Name d
# CHECK-NEXT:          index:
# CHECK-NEXT:            Str 'k'
# CHECK-NEXT:        spec:
# CHECK-NEXT:          JoinedStr
# CHECK-NEXT:            Str '.2f'

c = rf"\d{n}\t"
# CHECK: Assign <[[@LINE-1]]:1
# CHECK:         JoinedStr
# CHECK-NEXT:      Str '\\d'
# CHECK-NEXT:      FormattedValue
# CHECK-NEXT:        Name n
# CHECK-NEXT:      Str '\\t'

d = f"""line one
{value
 + 1}"""
# The field's position is that of the source file, across lines.
# CHECK: Assign <[[@LINE-4]]:1
# CHECK:         BinOp + <[[@LINE-4]]:2-[[@LINE-3]]:5>
