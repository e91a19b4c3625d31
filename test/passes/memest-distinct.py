# A dict or set filled with the words of a file keeps one entry per
# distinct word: file_distinct(p, None), each at most file_max_part(p,
# None) characters; the values replaced at each key are freed. Items taken
# from a container an earlier statement made are not new.
# RUN: rm -rf %t && mkdir -p %t && cp %s %t/prog.py
# RUN: printf 'a bb a\nbb ccc a\n' > %t/words.txt
# RUN: cd %t && %surgec -print-mem prog.py | FileCheck %s
def count(lines):
    counts = {}
    for line in lines:
        for word in line.split():
            counts[word] = counts.get(word, 0) + 1
    return counts


with open("words.txt") as f:
    lines = f.readlines()
counts = count(lines)
# CHECK: S3 line 18: peak 1149 B (1.1 KiB) = 504 + 9 * file_max_count('words.txt', None) + 36 * file_distinct('words.txt', None) + 66 * max(3, file_distinct('words.txt', None)) + file_max_line('words.txt') * file_width('words.txt') + 49 * file_width('words.txt') * file_max_count('words.txt', None) + 49 * file_width('words.txt') * file_distinct('words.txt', None) + file_width('words.txt') * file_distinct('words.txt', None) * file_max_part('words.txt', None); live 670 B
with open("words.txt") as f:
    split = [line.split() for line in f]
vocab = set([w for ws in split for w in ws])
# CHECK: S5 line 22: peak 820 B = 376 + 10 * file_count('words.txt', None) + 128 * file_distinct('words.txt', None); live 600 B = 216 + 128 * file_distinct('words.txt', None)
