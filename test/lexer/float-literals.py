# Float literals: a fraction, an exponent or both, with underscores
# between digits; the dump shows the text without underscores. Digits
# with leading zeros are fine in a float.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
a = [1.5, .5, 1., 1e-3, 2E10, 1_0.5e1_0, 1e+5, 0e0, 012.5, 09e1, 1e400]
# CHECK:      float literal 1.5 <[[@LINE-1]]:6-[[@LINE-1]]:9>
# CHECK:      float literal .5 <[[@LINE-2]]:11-[[@LINE-2]]:13>
# CHECK:      float literal 1. <[[@LINE-3]]:15-[[@LINE-3]]:17>
# CHECK:      float literal 1e-3 <[[@LINE-4]]:19-[[@LINE-4]]:23>
# CHECK:      float literal 2E10 <[[@LINE-5]]:25-[[@LINE-5]]:29>
# CHECK:      float literal 10.5e10 <[[@LINE-6]]:31-[[@LINE-6]]:40>
# CHECK:      float literal 1e+5 <[[@LINE-7]]:42-[[@LINE-7]]:46>
# CHECK:      float literal 0e0 <[[@LINE-8]]:48-[[@LINE-8]]:51>
# CHECK:      float literal 012.5 <[[@LINE-9]]:53-[[@LINE-9]]:58>
# CHECK:      float literal 09e1 <[[@LINE-10]]:60-[[@LINE-10]]:64>
# CHECK:      float literal 1e400 <[[@LINE-11]]:66-[[@LINE-11]]:71>
