# primes.py parallelized by hand for 2 processes with os.fork: each counts
# one half of each of the four ranges (the halves cost about the same,
# where the four ranges do not), then the counts are added. No runner can
# cost less, so its speedup over `python3 primes.py` is the most a task
# program can reach on this machine (bench/speedup.py times it in the same
# rounds). Prints exactly what primes.py prints.
import os
import pickle


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
    count = 0
    for n in range(lo, hi):
        if is_prime(n):
            count += 1
    return count


step = 60000
half = step // 2
r, w = os.pipe()
if os.fork() == 0:
    os.write(w, pickle.dumps([count_primes(k * step + half, (k + 1) * step) for k in range(4)]))
    os._exit(0)
os.close(w)
mine = [count_primes(k * step, k * step + half) for k in range(4)]
theirs = pickle.loads(os.read(r, 4096))
os.wait()
counts = [x + y for x, y in zip(mine, theirs)]
print(counts)
print("total", sum(counts))
