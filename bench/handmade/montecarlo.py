# montecarlo.py parallelized by hand for 2 processes with os.fork, as a
# programmer who knows the program would: one fork, two calls each, one
# pipe, nothing else. No runner can cost less, so its speedup over
# `python3 montecarlo.py` is the most a task program can reach on this
# machine (bench/speedup.py times it in the same rounds). Prints exactly
# what montecarlo.py prints.
import os
import pickle


def lcg_pi(seed, n):
    state = seed
    inside = 0
    for i in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        x = state / 2147483648
        state = (state * 1103515245 + 12345) % 2147483648
        y = state / 2147483648
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / n


n = 200000
r, w = os.pipe()
if os.fork() == 0:
    os.write(w, pickle.dumps((lcg_pi(3, n), lcg_pi(4, n))))
    os._exit(0)
os.close(w)
a = lcg_pi(1, n)
b = lcg_pi(2, n)
c, d = pickle.loads(os.read(r, 4096))
os.wait()
print(a, b, c, d)
print("mean", (a + b + c + d) / 4)
