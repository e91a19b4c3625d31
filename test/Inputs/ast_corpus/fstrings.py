# f-strings: fields, conversions, specs, nested fields, braces, '='.
x, width, prec, name = 3.14159, 10, 3, "ada"
items = [1, 2, 3]
d = {"k": 1}

s1 = f"{name!r} {name!s} {name!a}"
s2 = f"{x:>10.2f}|{x:{width}.3}|{{ok}}"
s3 = f"{x=} {name=}"
s4 = f"{x = }|{x=:.2f}|{name=!s}|{ x }"
s5 = rf"\d{width}" + Fr"{x:.1f}" + fR'{x}\n' + RF'{x}'
s6 = f"{x:{width}.{prec}}" f" and {name:>{width}}"
s7 = f"{{" f"}}" f"{{literal}}" f"a{{b}}c"
s8 = f"{d['k']}" + f'{d["k"] + 1}' + f"{items[0]:03d}"
s9 = f"{len(items)} items" + f"{', '.join(str(i) for i in items)}"
s10 = "total: " f"{len(name)} items" '.'
s11 = f"" + f"plain" + f"{x}"
s12 = f"tab\t{x}\nnewline \x41 \u00e9 \101 \d"
s13 = f'''multi
line {x}
  and {name!r:>{width}} end'''
s14 = f"{x if x > 0 else -x:.3}" + f"{(lambda v: v * 2)(3)}"
s15 = f"{x!r:^20}" + f"{name!a:10}" + f"{x:}"
s16 = f"{ {'a': 1}['a'] }" + f"{[i for i in items if i != 2]}"
s17 = f"{x == 3.0}{x != 3.0}{x >= 1}{x <= 1}"
s18 = f"{'nested'}" + f"{f'{name}'}"
s19 = "a" "b" f"{x}" "c" f"d" "e"
s20 = (f"{x}"
       f"{name}"
       "tail")
s21 = f"{x:{'>'}{width}}"
s22 = f"{name}{name}{name}"
s23 = f"café {name} ✓ {x}"
s24 = f'''{x +
    1} and {
name} and {x:{
width}}'''
s25 = f"""{
    x!r}"""
