# A tiny workload for report_pieces.py: two independent sums, then a print.
a = sum(i * i for i in range(20000))
b = sum(i * 3 for i in range(20000))
print(a, b)
