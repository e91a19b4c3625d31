# Every operator and delimiter, the longest match first: '**=' is one
# token, not '**' and '='; '->' and ':=' are tokens too.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
a **= b //= c >>= d <<= e ** f // g >> h << i <= j >= k == l != m -> n := o
a += b -= c *= d /= e %= f &= g |= h ^= i @= j
a + b - c * d / e % f & g | h ^ i ~ j < k > l = m . n , o ; p : q @ r
x = (a)[b]{c}
y = a<<=b**-c//~d
# CHECK: '**=' <[[@LINE-5]]:3-[[@LINE-5]]:6>
# CHECK: '//=' <[[@LINE-6]]:9-[[@LINE-6]]:12>
# CHECK: '>>=' <[[@LINE-7]]:15-[[@LINE-7]]:18>
# CHECK: '<<=' <[[@LINE-8]]:21-[[@LINE-8]]:24>
# CHECK: '**' <[[@LINE-9]]:27-[[@LINE-9]]:29>
# CHECK: '//' <[[@LINE-10]]:32-[[@LINE-10]]:34>
# CHECK: '>>' <[[@LINE-11]]:37-[[@LINE-11]]:39>
# CHECK: '<<' <[[@LINE-12]]:42-[[@LINE-12]]:44>
# CHECK: '<=' <[[@LINE-13]]:47-[[@LINE-13]]:49>
# CHECK: '>=' <[[@LINE-14]]:52-[[@LINE-14]]:54>
# CHECK: '==' <[[@LINE-15]]:57-[[@LINE-15]]:59>
# CHECK: '!=' <[[@LINE-16]]:62-[[@LINE-16]]:64>
# CHECK: '->' <[[@LINE-17]]:67-[[@LINE-17]]:69>
# CHECK: ':=' <[[@LINE-18]]:72-[[@LINE-18]]:74>
# CHECK: '+=' <[[@LINE-18]]:3-[[@LINE-18]]:5>
# CHECK: '-=' <[[@LINE-19]]:8-[[@LINE-19]]:10>
# CHECK: '*=' <[[@LINE-20]]:13-[[@LINE-20]]:15>
# CHECK: '/=' <[[@LINE-21]]:18-[[@LINE-21]]:20>
# CHECK: '%=' <[[@LINE-22]]:23-[[@LINE-22]]:25>
# CHECK: '&=' <[[@LINE-23]]:28-[[@LINE-23]]:30>
# CHECK: '|=' <[[@LINE-24]]:33-[[@LINE-24]]:35>
# CHECK: '^=' <[[@LINE-25]]:38-[[@LINE-25]]:40>
# CHECK: '@=' <[[@LINE-26]]:43-[[@LINE-26]]:45>
# CHECK: '+' <[[@LINE-26]]:3-[[@LINE-26]]:4>
# CHECK: '-' <[[@LINE-27]]:7-[[@LINE-27]]:8>
# CHECK: '*' <[[@LINE-28]]:11-[[@LINE-28]]:12>
# CHECK: '/' <[[@LINE-29]]:15-[[@LINE-29]]:16>
# CHECK: '%' <[[@LINE-30]]:19-[[@LINE-30]]:20>
# CHECK: '&' <[[@LINE-31]]:23-[[@LINE-31]]:24>
# CHECK: '|' <[[@LINE-32]]:27-[[@LINE-32]]:28>
# CHECK: '^' <[[@LINE-33]]:31-[[@LINE-33]]:32>
# CHECK: '~' <[[@LINE-34]]:35-[[@LINE-34]]:36>
# CHECK: '<' <[[@LINE-35]]:39-[[@LINE-35]]:40>
# CHECK: '>' <[[@LINE-36]]:43-[[@LINE-36]]:44>
# CHECK: '=' <[[@LINE-37]]:47-[[@LINE-37]]:48>
# CHECK: '.' <[[@LINE-38]]:51-[[@LINE-38]]:52>
# CHECK: ',' <[[@LINE-39]]:55-[[@LINE-39]]:56>
# CHECK: ';' <[[@LINE-40]]:59-[[@LINE-40]]:60>
# CHECK: ':' <[[@LINE-41]]:63-[[@LINE-41]]:64>
# CHECK: '@' <[[@LINE-42]]:67-[[@LINE-42]]:68>
# CHECK:      '(' <[[@LINE-42]]:5-[[@LINE-42]]:6>
# CHECK-NEXT: identifier a <[[@LINE-43]]:6-[[@LINE-43]]:7>
# CHECK-NEXT: ')' <[[@LINE-44]]:7-[[@LINE-44]]:8>
# CHECK-NEXT: '[' <[[@LINE-45]]:8-[[@LINE-45]]:9>
# CHECK-NEXT: identifier b <[[@LINE-46]]:9-[[@LINE-46]]:10>
# CHECK-NEXT: ']' <[[@LINE-47]]:10-[[@LINE-47]]:11>
# CHECK-NEXT: '{' <[[@LINE-48]]:11-[[@LINE-48]]:12>
# CHECK-NEXT: identifier c <[[@LINE-49]]:12-[[@LINE-49]]:13>
# CHECK-NEXT: '}' <[[@LINE-50]]:13-[[@LINE-50]]:14>
# CHECK:      identifier a <[[@LINE-50]]:5-[[@LINE-50]]:6>
# CHECK-NEXT: '<<=' <[[@LINE-51]]:6-[[@LINE-51]]:9>
# CHECK-NEXT: identifier b <[[@LINE-52]]:9-[[@LINE-52]]:10>
# CHECK-NEXT: '**' <[[@LINE-53]]:10-[[@LINE-53]]:12>
# CHECK-NEXT: '-' <[[@LINE-54]]:12-[[@LINE-54]]:13>
# CHECK-NEXT: identifier c <[[@LINE-55]]:13-[[@LINE-55]]:14>
# CHECK-NEXT: '//' <[[@LINE-56]]:14-[[@LINE-56]]:16>
# CHECK-NEXT: '~' <[[@LINE-57]]:16-[[@LINE-57]]:17>
# CHECK-NEXT: identifier d <[[@LINE-58]]:17-[[@LINE-58]]:18>
