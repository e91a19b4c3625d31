# Formatting: an f-string's literal parts count exactly, a spec's width is
# a lower bound of its field, an int takes its range's digits (in the base,
# with the sign, grouping and prefix the spec asks for), and a float under
# 'f' the digits of its range's bound (none: 309, 1.8e308 in fixed point).
# Float ranges follow constants, + - *, x / n with an int n (at most |x|),
# float(), abs(), round(), sum() and random.random(). format() and
# "fmt" % args honour widths too; a spec or a format only the run knows
# is unknown (a field may pad to any width).
# RUN: %surgec -print-mem %s | FileCheck %s
import random

def mean(xs):
    return sum(xs) / len(xs)

scores = [50 + i % 51 for i in range(40)]
avg = mean(scores)
# avg is in 0..4000: '-', 4 digits, '.', 2 = 8 characters; with 'avg=' and
# '|', 13: a str of 62 bytes.
a = f"avg={avg:6.2f}|"
# CHECK: S5 line 19: peak 225 B = 225; live 62 B = 62
# random.random() * 100 is in 0..100: 6 characters under '.1f'.
c = f"{random.random() * 100:.1f}"
# CHECK: S6 line 22: peak 245 B = 245; live 55 B = 55
# past 2**53 no bound: 1 + 309 + 1 + 2 characters, and the digits' buffer.
d = f"{1e300 * avg:.2f}"
# CHECK: S7 line 25: peak 859 B = 859; live 362 B = 362
# len(scores) padded to 8, ':', then -7 signed and grouped: 2.
e = f"{len(scores):>8}:{-7:+,}"
# CHECK: S8 line 28: peak 302 B = 302; live 60 B = 60
# 10 ** 6 has 20 bits: '0x' and 5 hex digits; 20 binary digits and 4 '_'.
f = f"{10 ** 6:#x}{10 ** 6:_b}"
# CHECK: S9 line 31: peak 345 B = 345; live 80 B = 80
g = format(7, ">200")
# CHECK: S10 line 33: peak 609 B = 609; live 249 B = 249
h = "%200d" % 7
# CHECK: S11 line 35: peak 673 B = 673; live 249 B = 249
# avg under %5.1f: 7 characters; '|' and 'ab'.
k = "%5.1f|%s" % (avg, "ab")
# CHECK: S12 line 38: peak 413 B = 413; live 59 B = 59
w = len(scores)
m = f"{avg:{w}}"
# CHECK: S14 line 41: peak ? B = unknown; live ? B = unknown
n = "%" + "d"
p = n % 7
# CHECK: S16 line 44: peak ? B = unknown; live ? B = unknown
