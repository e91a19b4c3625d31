"""A whole program: imports of every form and an entry block."""
import csv
import math
import random as rnd
import sys
import os.path
import os.path as osp
import math, random
from math import sqrt, floor as fl
from os.path import join
from os import path
from random import (seed,
                    randint as ri,)
from csv import writer, reader


def stats(values):
    mean = sum(values) / len(values)
    var = sum((v - mean) ** 2 for v in values) / len(values)
    return mean, sqrt(var), fl(mean), math.ceil(var)


def main(argv):
    rnd.seed(42)
    seed(1)
    values = [ri(1, 6) + rnd.random() for _ in range(10)]
    mean, sd, low, high = stats(values)
    name = join("out", "stats.csv") if os.path.isdir("out") else "stats.csv"
    rows = [["mean", f"{mean:.3f}"], ["sd", f"{sd:.3f}"], ["range", low, high]]
    with open(name, "w", newline="") as file:
        w = csv.writer(file)
        for row in rows:
            w.writerow(row)
    print(osp.basename(name), path.exists(name), len(argv), file=sys.stderr)
    return 0


if __name__ == '__main__':
    output = [["a", 1], ["b", 2]]
    with open('output.csv', 'w', newline='') as file:
        writer = csv.writer(file)
        for row in output:
            writer.writerow(row)
    sys.exit(main(sys.argv))
