# Escape sequences in the literal's value (the dump writes it back with
# \\, \', \n, \r, \t and \xNN for other control characters). Unknown
# escapes keep their backslash; octal escapes take up to three digits.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
a = "\\ \' \" \a \b \f \n \r \t \v"
b = "\101\x41\u0041\U00000041 \0 \07 \1234 \xe9 \u20ac \U0001F600"
c = "\d \q"
d = "one \
two"
# CHECK:      Str '\\ \' " \x07 \x08 \x0c \n \r \t \x0b' <[[@LINE-5]]:5-[[@LINE-5]]:36>
# CHECK:      Str 'AAAA \x00 \x07 S4 é € 😀' <[[@LINE-5]]:5-[[@LINE-5]]:67>
# CHECK:      Str '\\d \\q' <[[@LINE-5]]:5-[[@LINE-5]]:12>
# CHECK:      Str 'one two' <[[@LINE-5]]:5-[[@LINE-4]]:5>
