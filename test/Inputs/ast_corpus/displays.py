# Displays (with empty ones and trailing commas), comprehensions and
# generator expressions.
row, pair, single, empty = [1, 2, 3,], (1, "a"), (1,), ()
counts, seen, nothing = {"a": 1, "b": 2}, {1, 2, 3}, {}
empty_list = []
trailing = {"x": 1, "y": 2,}
set_trailing = {1, 2,}
nested = [[], [[]], ((),), {(): []}, [{}, {1}]]
bare_tuple = 1, 2
bare_single = 1,
parens = ((1, 2), (3,), ())
multi_line = [
    1,
    2,  # a comment
    3,
]
dict_multi = {
    "k": [1, 2],
    "v": {"inner": (1, 2)},
}
expr_keys = {1 + 2: 3 * 4, "a" "b": None, (1, 2): True}

# Comprehensions: every kind, with several for and if clauses.
traces = [["open", "read"], ["lock"]]
events = [e for t in traces for e in t if e != "read"]
lengths = {i: len(t) for i, t in enumerate(traces) if t}
kinds = {e[0] for t in traces for e in t}
pairs = [(i, j) for i in range(3) if i for j in range(i) if j != 1]
many_ifs = [i for i in range(20) if i % 2 if i % 3 if i > 4]
nested_targets = [a + b + c for (a, b), c in [((1, 2), 3)]]
list_target = [p for [p, q] in [[1, 2]]]
nested_comp = [[j for j in range(i)] for i in range(3)]
dict_comp2 = {k: v for k, v in {"a": 1}.items() for _ in range(2) if v if k}
set_of_tuples = {(i, j) for i in range(2) for j in range(2)}
comp_cond = [i if i else -i for i in range(-2, 3)]
comp_lambda = [lambda: i for i in range(2)]

# Generator expressions: sole argument, parenthesised, nested.
xs = [1, 2, 3]
total = sum(x * x for x in xs)
gen = (x for x in xs if x > 1)
joined = " ".join(str(x) for x in gen)
gen2 = ((x, y) for x in xs for y in xs if x < y)
spaced = sum( x for x in xs )
any_all = any(x > 1 for x in xs) and all((x for x in xs))
max_gen = max((x for x in xs), default=0)
sorted_gen = sorted((x for x in xs), key=lambda v: -v)
nested_gen = sum(sum(y for y in range(x)) for x in xs)
