# UTF-8 text is fine in strings and comments: café, naïve, 日本語, 😀.
# RUN: %surgec -fsyntax-only %s
# Columns after multi-byte characters still put the caret under the right
# character of the source line.
# RUN: printf 's = "é€😀" + )\n' > %t.py
# RUN: not %surgec -fsyntax-only %t.py 2>&1 | FileCheck %s --strict-whitespace

# CHECK: error: unmatched ')'
# CHECK-NEXT: {{^}}s = "é€😀" + ){{$}}
# CHECK-NEXT: {{^}}            ^{{$}}
words = ["café", "naïve", "日本語", "😀"]
print(f"{words[0]} → {len(words)}")  # → is U+2192
