# Integer literals in every base, with underscores, of any size; the dump
# shows the value in decimal.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
a = [0, 00, 0_0, 7, 1_000_000, 0xFF, 0XaB_cD, 0o17, 0O7_7, 0b1010, 0B1_1]
b = 123456789012345678901234567890 + 0xFFFFFFFFFFFFFFFFFFFF + 9223372036854775808
# CHECK:      integer literal 0 <[[@LINE-2]]:6-[[@LINE-2]]:7>
# CHECK-NEXT: ',' <[[@LINE-3]]:7-[[@LINE-3]]:8>
# CHECK-NEXT: integer literal 0 <[[@LINE-4]]:9-[[@LINE-4]]:11>
# CHECK:      integer literal 0 <[[@LINE-5]]:13-[[@LINE-5]]:16>
# CHECK:      integer literal 7 <[[@LINE-6]]:18-[[@LINE-6]]:19>
# CHECK:      integer literal 1000000 <[[@LINE-7]]:21-[[@LINE-7]]:30>
# CHECK:      integer literal 255 <[[@LINE-8]]:32-[[@LINE-8]]:36>
# CHECK:      integer literal 43981 <[[@LINE-9]]:38-[[@LINE-9]]:45>
# CHECK:      integer literal 15 <[[@LINE-10]]:47-[[@LINE-10]]:51>
# CHECK:      integer literal 63 <[[@LINE-11]]:53-[[@LINE-11]]:58>
# CHECK:      integer literal 10 <[[@LINE-12]]:60-[[@LINE-12]]:66>
# CHECK:      integer literal 3 <[[@LINE-13]]:68-[[@LINE-13]]:73>
# CHECK:      integer literal 123456789012345678901234567890 <[[@LINE-13]]:5-[[@LINE-13]]:35>
# CHECK:      integer literal 1208925819614629174706175 <[[@LINE-14]]:38-[[@LINE-14]]:60>
# CHECK:      integer literal 9223372036854775808 <[[@LINE-15]]:63-[[@LINE-15]]:82>
