import math


if __name__ == "__main__":
    a = 6
    print(a * 7)
