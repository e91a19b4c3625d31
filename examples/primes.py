# Counting primes in four ranges: four independent, equally sized jobs.
# surgec splits the loop so the count_primes calls run on all cores.

def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_primes(lo, hi):
    found = 0
    for n in range(lo, hi):
        if is_prime(n):
            found += 1
    return found


width = 150000
counts = []
for k in range(4):
    counts.append(count_primes(k * width, (k + 1) * width))
print(counts)
print("total", sum(counts))
