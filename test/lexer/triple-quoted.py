# Triple-quoted strings span lines; the token ends on its last line and
# the tokens after it have their real positions. Single quotes and pairs of
# the quote character inside do not end it; a backslash-newline is dropped.
# RUN: %surgec -dump-tokens %s | FileCheck %s --match-full-lines
doc = """first "quoted" line
it's ""almost"" the end
""" + 'x'
other = '''a \
b'''; n = 1
# CHECK:      identifier doc <[[@LINE-5]]:1-[[@LINE-5]]:4>
# CHECK-NEXT: '=' <[[@LINE-6]]:5-[[@LINE-6]]:6>
# CHECK-NEXT: string literal <[[@LINE-7]]:7-[[@LINE-5]]:4>
# CHECK-NEXT:   Str 'first "quoted" line\nit\'s ""almost"" the end\n' <[[@LINE-8]]:7-[[@LINE-6]]:4>
# CHECK-NEXT: '+' <[[@LINE-7]]:5-[[@LINE-7]]:6>
# CHECK-NEXT: string literal <[[@LINE-8]]:7-[[@LINE-8]]:10>
# CHECK-NEXT:   Str 'x' <[[@LINE-9]]:7-[[@LINE-9]]:10>
# CHECK-NEXT: newline <[[@LINE-10]]:10-[[@LINE-10]]:11>
# CHECK-NEXT: identifier other <[[@LINE-10]]:1-[[@LINE-10]]:6>
# CHECK-NEXT: '=' <[[@LINE-11]]:7-[[@LINE-11]]:8>
# CHECK-NEXT: string literal <[[@LINE-12]]:9-[[@LINE-11]]:5>
# CHECK-NEXT:   Str 'a b' <[[@LINE-13]]:9-[[@LINE-12]]:5>
# CHECK-NEXT: ';' <[[@LINE-13]]:5-[[@LINE-13]]:6>
# CHECK-NEXT: identifier n <[[@LINE-14]]:7-[[@LINE-14]]:8>
