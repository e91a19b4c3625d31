/* types.c: interned static types. */
#include "ir/typerules.h"
#include "ir/lower.h"

static const char *const type_names[] = {
#define X(k, s) s,
	IR_TYPES(X)
#undef X
};

void types_init(TypeTable *t, Arena *a)
{
	memset(t, 0, sizeof *t);
	t->arena = a;
	for (int k = 0; k <= TY_EXC; k++) {
		Type *ty = arena_alloc(a, sizeof *ty);
		ty->kind = (TypeKind)k;
		t->basic[k] = ty;
	}
}

const Type *type_basic(TypeTable *t, TypeKind k)
{
	return t->basic[k];
}

/* Containers are few per program; a linear search keeps this simple. */
const Type *type_container(TypeTable *t, TypeKind k, const Type *key, const Type *elem)
{
	if (!elem && !key)
		return t->basic[k];
	for (int i = 0; i < t->composite.len; i++) {
		const Type *c = t->composite.items[i];
		if (c->kind == k && c->key == key && c->elem == elem)
			return c;
	}
	Type *ty = arena_alloc(t->arena, sizeof *ty);
	ty->kind = k;
	ty->key = key;
	ty->elem = elem;
	typevec_push(t->arena, &t->composite, ty);
	return ty;
}

const Type *type_join(TypeTable *t, const Type *a, const Type *b)
{
	if (!a)
		return b;
	if (!b || a == b)
		return a;
	if (a->kind == b->kind && a->kind != TY_OBJECT) {
		/* list[int] and list[str] are both lists of something. */
		const Type *key = a->key == b->key ? a->key : NULL;
		const Type *elem = a->elem == b->elem ? a->elem : NULL;
		return type_container(t, a->kind, key, elem);
	}
	return t->basic[TY_OBJECT];
}

void type_print(StrBuf *out, const Type *t)
{
	if (!t) {
		sb_puts(out, "object");
		return;
	}
	sb_puts(out, type_names[t->kind]);
	if (t->key || t->elem) {
		sb_putc(out, '[');
		if (t->key) {
			type_print(out, t->key);
			sb_puts(out, ", ");
		}
		type_print(out, t->elem);
		sb_putc(out, ']');
	}
}

/* ---- the rules of typerules.h ---- */

static bool is_intlike(const Type *t)
{
	return t && (t->kind == TY_INT || t->kind == TY_BOOL);
}

static bool is_kind(const Type *t, TypeKind k)
{
	return t && t->kind == k;
}

static bool name_in(const char *n, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(n, *list) == 0)
			return true;
	return false;
}

static bool is_bitwise(BinOpKind op)
{
	return op == BINOP_LSHIFT || op == BINOP_RSHIFT || op == BINOP_BITOR ||
	       op == BINOP_BITXOR || op == BINOP_BITAND;
}

const Type *typerule_binop(TypeTable *t, BinOpKind op, const Type *l, const Type *r)
{
	bool li = is_intlike(l), ri = is_intlike(r);
	bool lf = is_kind(l, TY_FLOAT), rf = is_kind(r, TY_FLOAT);
	if (op == BINOP_POW)
		return NULL; /* 2 ** -1 is a float, (-8) ** 0.5 complex */
	/* True & True is True, a bool: bool's &, | and ^ keep bools. */
	if (is_kind(l, TY_BOOL) && is_kind(r, TY_BOOL) &&
	    (op == BINOP_BITAND || op == BINOP_BITOR || op == BINOP_BITXOR))
		return t->basic[TY_BOOL];
	if (li && ri)
		return t->basic[op == BINOP_DIV ? TY_FLOAT : TY_INT];
	if ((li || lf) && (ri || rf))
		return is_bitwise(op) ? NULL : t->basic[TY_FLOAT];
	if (is_kind(l, TY_STR) && op == BINOP_ADD && is_kind(r, TY_STR))
		return t->basic[TY_STR];
	if (is_kind(l, TY_STR) && op == BINOP_MOD)
		return t->basic[TY_STR];
	if (op == BINOP_MUL && ((is_kind(l, TY_STR) && ri) || (li && is_kind(r, TY_STR))))
		return t->basic[TY_STR];
	if (op == BINOP_ADD && is_kind(l, TY_LIST) && is_kind(r, TY_LIST))
		return type_join(t, l, r);
	if (op == BINOP_MUL && is_kind(l, TY_LIST) && ri)
		return l;
	return NULL;
}

const Type *typerule_unary(TypeTable *t, UnaryOpKind op, const Type *a)
{
	if (op == UNARY_NOT)
		return t->basic[TY_BOOL];
	if (is_intlike(a))
		return t->basic[TY_INT];
	if (is_kind(a, TY_FLOAT) && op != UNARY_INVERT)
		return t->basic[TY_FLOAT];
	return NULL;
}

const Type *typerule_getitem(TypeTable *t, const Type *obj, const Type *idx)
{
	if (is_kind(obj, TY_LIST) && is_intlike(idx))
		return obj->elem;
	if (is_kind(obj, TY_STR) && (is_intlike(idx) || is_kind(idx, TY_SLICE)))
		return t->basic[TY_STR];
	if (is_kind(obj, TY_LIST) && is_kind(idx, TY_SLICE))
		return obj;
	return NULL;
}

/* The items iterating a value of type src gives, when known. */
static const Type *item_type(TypeTable *t, const Type *src)
{
	if (!src)
		return NULL;
	switch (src->kind) {
	case TY_RANGE: return t->basic[TY_INT];
	case TY_STR: return t->basic[TY_STR];
	case TY_DICT: return src->key; /* a dict iterates over its keys */
	case TY_LIST: case TY_SET: case TY_TUPLE: case TY_ITER: return src->elem;
	default: return NULL;
	}
}

const Type *typerule_builtin(TypeTable *t, const char *n, const Type *const *args,
                             int npos, int nkw)
{
	static const char *const to_str[] = {"str", "repr", "format", "chr", "hex", "bin",
	                                     "oct", "ascii", "input", NULL};
	static const char *const to_int[] = {"len", "int", "ord", "hash", "id", NULL};
	static const char *const to_bool[] = {"bool", "isinstance", "callable", "hasattr",
	                                      "all", "any", "issubclass", NULL};
	static const char *const to_iter[] = {"enumerate", "zip", "map", "filter", "reversed",
	                                      "iter", NULL};
	if (name_in(n, to_str))
		return t->basic[TY_STR];
	if (name_in(n, to_int))
		return t->basic[TY_INT];
	if (name_in(n, to_bool))
		return t->basic[TY_BOOL];
	if (name_in(n, to_iter))
		return t->basic[TY_ITER];
	if (strcmp(n, "float") == 0)
		return t->basic[TY_FLOAT];
	if (strcmp(n, "range") == 0)
		return t->basic[TY_RANGE];
	if (strcmp(n, "print") == 0)
		return t->basic[TY_NONE];
	if (strcmp(n, "open") == 0)
		return t->basic[TY_FILE];
	if (strcmp(n, "list") == 0 || strcmp(n, "sorted") == 0) {
		const Type *elem = npos == 1 && nkw == 0 ? item_type(t, args[0]) : NULL;
		return type_container(t, TY_LIST, NULL, elem);
	}
	if (strcmp(n, "set") == 0)
		return t->basic[TY_SET];
	if (strcmp(n, "dict") == 0)
		return t->basic[TY_DICT];
	if (strcmp(n, "tuple") == 0)
		return t->basic[TY_TUPLE];
	if (strcmp(n, "round") == 0 && npos == 1 && nkw == 0)
		return t->basic[TY_INT]; /* round(x) is an int; round(x, n) keeps x's type */
	if (strcmp(n, "abs") == 0 && npos == 1) {
		if (is_intlike(args[0]))
			return t->basic[TY_INT];
		if (is_kind(args[0], TY_FLOAT))
			return t->basic[TY_FLOAT];
	}
	return NULL;
}

const Type *typerule_method(TypeTable *t, const Type *recv, const char *m)
{
	if (!recv)
		return NULL;
	static const char *const str_to_str[] = {"strip", "lstrip", "rstrip", "upper", "lower",
	                                         "replace", "join", "format", "title",
	                                         "capitalize", "ljust", "rjust", "center",
	                                         "zfill", "casefold", "swapcase", NULL};
	static const char *const str_to_bool[] = {"startswith", "endswith", "isdigit", "isalpha",
	                                          "isalnum", "isspace", "isupper", "islower",
	                                          "isnumeric", "isdecimal", "isidentifier", NULL};
	static const char *const str_to_int[] = {"find", "rfind", "count", "index", "rindex", NULL};
	static const char *const list_to_none[] = {"append", "extend", "insert", "sort",
	                                           "reverse", "clear", "remove", NULL};
	const Type *strs = type_container(t, TY_LIST, NULL, t->basic[TY_STR]);
	switch (recv->kind) {
	case TY_STR:
		if (name_in(m, str_to_str))
			return t->basic[TY_STR];
		if (name_in(m, str_to_bool))
			return t->basic[TY_BOOL];
		if (name_in(m, str_to_int))
			return t->basic[TY_INT];
		if (strcmp(m, "split") == 0 || strcmp(m, "rsplit") == 0 ||
		    strcmp(m, "splitlines") == 0)
			return strs;
		if (strcmp(m, "partition") == 0 || strcmp(m, "rpartition") == 0)
			return t->basic[TY_TUPLE];
		return NULL;
	case TY_LIST:
		if (name_in(m, list_to_none))
			return t->basic[TY_NONE];
		if (strcmp(m, "index") == 0 || strcmp(m, "count") == 0)
			return t->basic[TY_INT];
		if (strcmp(m, "copy") == 0)
			return recv;
		if (strcmp(m, "pop") == 0)
			return recv->elem;
		return NULL;
	case TY_FILE:
		if (strcmp(m, "readlines") == 0)
			return strs;
		if (strcmp(m, "read") == 0 || strcmp(m, "readline") == 0)
			return t->basic[TY_STR];
		if (strcmp(m, "write") == 0)
			return t->basic[TY_INT];
		return NULL;
	default:
		return NULL;
	}
}

bool typerule_is_builtin_name(const char *name)
{
	return is_builtin_name(name);
}

static bool may_hold_set(const Type *t, bool unknown, int depth)
{
	if (!t || t->kind == TY_OBJECT || depth > 8)
		return unknown;
	switch (t->kind) {
	case TY_SET:
		return true;
	case TY_LIST: case TY_TUPLE: case TY_ITER:
		return may_hold_set(t->elem, unknown, depth + 1);
	case TY_DICT:
		return may_hold_set(t->elem, unknown, depth + 1) || may_hold_set(t->key, unknown, depth + 1);
	default:
		return false; /* numbers, str, None, range, functions, modules, files... */
	}
}

bool type_may_hold_set(const Type *t, bool unknown)
{
	return may_hold_set(t, unknown, 0);
}
