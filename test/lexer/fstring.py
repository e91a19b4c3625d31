# An f-string token's value: literal pieces (with {{ and }} as braces and
# escapes decoded), fields with their conversion, a format spec holding a
# nested field, and the self-documenting {x=}, whose text becomes a piece
# and whose conversion defaults to !r. Field expressions keep the
# positions they have in the file.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
s = f"a{{b}}\t{x!r:>{w}}c{y=}{z!s}{ d['k'] }"
# CHECK:      string literal <[[@LINE-1]]:5-[[@LINE-1]]:46>
# CHECK-NEXT:   JoinedStr <[[@LINE-2]]:5-[[@LINE-2]]:46>
# CHECK-NEXT:     Str 'a{b}\t' <{{.*}}>
# CHECK-NEXT:     FormattedValue !r <[[@LINE-4]]:15-[[@LINE-4]]:25>
# CHECK-NEXT:       Name x <[[@LINE-5]]:16-[[@LINE-5]]:17>
# CHECK-NEXT:       spec:
# CHECK-NEXT:         JoinedStr <[[@LINE-7]]:20-[[@LINE-7]]:21>
# CHECK-NEXT:           Str '>' <[[@LINE-8]]:20-[[@LINE-8]]:21>
# CHECK-NEXT:           FormattedValue <[[@LINE-9]]:21-[[@LINE-9]]:24>
# CHECK-NEXT:             Name w <[[@LINE-10]]:22-[[@LINE-10]]:23>
# CHECK-NEXT:     Str 'cy=' <{{.*}}>
# CHECK-NEXT:     FormattedValue !r <[[@LINE-12]]:26-[[@LINE-12]]:30>
# CHECK-NEXT:       Name y <[[@LINE-13]]:27-[[@LINE-13]]:28>
# CHECK-NEXT:     FormattedValue !s <[[@LINE-14]]:30-[[@LINE-14]]:35>
# CHECK-NEXT:       Name z <[[@LINE-15]]:31-[[@LINE-15]]:32>
# CHECK-NEXT:     FormattedValue <[[@LINE-16]]:35-[[@LINE-16]]:45>
# CHECK-NEXT:       Subscript <[[@LINE-17]]:37-[[@LINE-17]]:43>
# CHECK-NEXT:         Name d <[[@LINE-18]]:37-[[@LINE-18]]:38>
# CHECK-NEXT:         index:
# CHECK-NEXT:           Str 'k' <[[@LINE-20]]:39-[[@LINE-20]]:42>
# CHECK-NEXT: newline <[[@LINE-21]]:46-[[@LINE-21]]:47>
