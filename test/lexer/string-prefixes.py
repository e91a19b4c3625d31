# The prefixes r, u, f, rf and fr in any case, and both quote characters.
# A raw string keeps its backslashes; u changes nothing; f makes a
# JoinedStr. A name followed by a string (ur'x') is two tokens.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
s = ['a', "b", r'\d', R"\w", u'c', U"d", f'e', F"g", rf'\{x}', Rf'h', fR'i', FR"j", Fr'k']
t = ur'x'
# CHECK:      string literal <[[@LINE-2]]:6-[[@LINE-2]]:9>
# CHECK-NEXT:   Str 'a' <[[@LINE-3]]:6-[[@LINE-3]]:9>
# CHECK:      string literal <[[@LINE-4]]:11-[[@LINE-4]]:14>
# CHECK-NEXT:   Str 'b' <[[@LINE-5]]:11-[[@LINE-5]]:14>
# CHECK:      string literal <[[@LINE-6]]:16-[[@LINE-6]]:21>
# CHECK-NEXT:   Str '\\d' <[[@LINE-7]]:16-[[@LINE-7]]:21>
# CHECK:      string literal <[[@LINE-8]]:23-[[@LINE-8]]:28>
# CHECK-NEXT:   Str '\\w' <[[@LINE-9]]:23-[[@LINE-9]]:28>
# CHECK:      string literal <[[@LINE-10]]:30-[[@LINE-10]]:34>
# CHECK-NEXT:   Str 'c' <[[@LINE-11]]:30-[[@LINE-11]]:34>
# CHECK:      string literal <[[@LINE-12]]:36-[[@LINE-12]]:40>
# CHECK-NEXT:   Str 'd' <[[@LINE-13]]:36-[[@LINE-13]]:40>
# CHECK:      string literal <[[@LINE-14]]:42-[[@LINE-14]]:46>
# CHECK-NEXT:   JoinedStr <[[@LINE-15]]:42-[[@LINE-15]]:46>
# CHECK-NEXT:     Str 'e' <[[@LINE-16]]:44-[[@LINE-16]]:45>
# CHECK:      string literal <[[@LINE-17]]:48-[[@LINE-17]]:52>
# CHECK-NEXT:   JoinedStr <[[@LINE-18]]:48-[[@LINE-18]]:52>
# CHECK-NEXT:     Str 'g' <[[@LINE-19]]:50-[[@LINE-19]]:51>
# CHECK:      string literal <[[@LINE-20]]:54-[[@LINE-20]]:62>
# CHECK-NEXT:   JoinedStr <[[@LINE-21]]:54-[[@LINE-21]]:62>
# CHECK-NEXT:     Str '\\' <[[@LINE-22]]:57-[[@LINE-22]]:58>
# CHECK-NEXT:     FormattedValue <[[@LINE-23]]:58-[[@LINE-23]]:61>
# CHECK-NEXT:       Name x <[[@LINE-24]]:59-[[@LINE-24]]:60>
# CHECK:      string literal <[[@LINE-25]]:64-[[@LINE-25]]:69>
# CHECK-NEXT:   JoinedStr <[[@LINE-26]]:64-[[@LINE-26]]:69>
# CHECK-NEXT:     Str 'h' <[[@LINE-27]]:67-[[@LINE-27]]:68>
# CHECK:      string literal <[[@LINE-28]]:71-[[@LINE-28]]:76>
# CHECK:      string literal <[[@LINE-29]]:78-[[@LINE-29]]:83>
# CHECK-NEXT:   JoinedStr <[[@LINE-30]]:78-[[@LINE-30]]:83>
# CHECK-NEXT:     Str 'j' <[[@LINE-31]]:81-[[@LINE-31]]:82>
# CHECK:      string literal <[[@LINE-32]]:85-[[@LINE-32]]:90>
# CHECK-NEXT:   JoinedStr <[[@LINE-33]]:85-[[@LINE-33]]:90>
# CHECK-NEXT:     Str 'k' <[[@LINE-34]]:88-[[@LINE-34]]:89>
# CHECK:      identifier t <[[@LINE-34]]:1-[[@LINE-34]]:2>
# CHECK-NEXT: '=' <[[@LINE-35]]:3-[[@LINE-35]]:4>
# CHECK-NEXT: identifier ur <[[@LINE-36]]:5-[[@LINE-36]]:7>
# CHECK-NEXT: string literal <[[@LINE-37]]:7-[[@LINE-37]]:10>
# CHECK-NEXT:   Str 'x' <[[@LINE-38]]:7-[[@LINE-38]]:10>
