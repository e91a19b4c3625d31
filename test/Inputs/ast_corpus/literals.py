# Literals: numbers, strings and escapes, implicit concatenation, constants.

# Integers: decimal, hex, octal, binary, underscores, zeros, huge.
ints = [0, 7, 1_000_000, 0xFF, 0XdeadBEEF, 0o17, 0O777, 0b1010, 0B1_0, 0x_ff]
zeros = (00, 0_0, 0x0, 0o0, 0b0)
huge = 123456789012345678901234567890
huger = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF + 9_223_372_036_854_775_808
edge = [9223372036854775807, 9223372036854775808, 18446744073709551616]

# Floats of every shape.
floats = [1.5, .5, 1., 0.0, 00.5, 1e-3, 2E10, 1e+5, 1_0.5e1_0, 3.14_15]
more_floats = [1.e3, .5e-2, 0e0, 09.5, 1_000.000_1, 1E+00, 1e400, 5e-324]
neg = -1.5e-3

# Strings: quotes, prefixes, escapes.
a, b = 'single', "double"
c = '''triple
quoted'''
d = """double triple
  spans "lines" and 'quotes'
"""
e = r'C:\temp\new'
f = R"raw \d+ \" quote"
g = U"unicode prefix" + u'too'
escapes = "tab\tnewline\n quote\" apostrophe\' backslash\\ bell\a bs\b ff\f cr\r vt\v"
numeric = "\101\x41\u0041\U00000041\0\7\12\x7f\u00e9\U0001F600"
unknown = "\d\w \q\%"
joined = "one \
two"
raw_triple = r'''\n stays
\t too'''
utf8 = "café ünïcödé ✓"
empty1, empty2, empty3 = '', "", """"""
quotes_in = 'it\'s' + "say \"hi\"" + '"' + "'"
nul_and_del = "a\x00b\x7fc\x1b"

# Implicit concatenation of plain strings, across lines and prefixes.
cat = "abc" 'def' r'\g'
cat2 = ("first "
        "second "  # a comment between parts
        'third')
cat3 = "x" \
    "y"

# The three constants.
flags = [True, False, None]
