/* typeinfer_rules.c: what each instruction means to type inference.
 *
 * A rule adds its constraints (where values flow, what shares contents,
 * what unknown code may touch) once, or once a condition on the current
 * kinds holds (a subscript that may be a slice), and returns the kind of
 * its value from the kinds of its operands, following CPython 3.11 for
 * builtin types: a kind is claimed only when every execution yields it.
 * An operand still at bottom has produced no value yet: the rule waits
 * (returns bottom) rather than guess. */
#include "passes/typeinfer.h"
#include "ir/typerules.h"

/* Bits of `fired`: constraints already added at this instruction. */
enum { F_STATIC = 1, F_ELEMENT = 2, F_SLICE = 4, F_ESCAPE = 8 };

static bool once(unsigned char *fired, int bit)
{
	if (*fired & bit)
		return false;
	*fired |= (unsigned char)bit;
	return true;
}

static Instr *arg(const Instr *in, int k)
{
	return ir_resolve(in->args.items[k]);
}

static int nd(TI *T, const Instr *v)
{
	return ti_node_of(T, v);
}

static bool name_in(const char *n, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(n, *list) == 0)
			return true;
	return false;
}

static const Type *as_type(TI *T, int k)
{
	if (k == TK_BOTTOM)
		return NULL;
	return T->m->types.basic[k == TK_VIEW ? TY_OBJECT : k];
}

static int kind_of(const Type *t)
{
	return t ? (int)t->kind : TY_OBJECT;
}

static bool intlike(int k)
{
	return k == TY_INT || k == TY_BOOL;
}

static bool is_seq(int k)
{
	return k == TY_LIST || k == TY_TUPLE || k == TY_STR;
}

/* The keyword argument `name` of a call, or NULL. */
static Instr *kwarg(const Instr *in, const char *name)
{
	for (int k = 0; k < in->nkw; k++)
		if (strcmp(in->kwnames[k], name) == 0)
			return arg(in, in->args.len - in->nkw + k);
	return NULL;
}

static void escape_args(TI *T, const Instr *in, int first)
{
	for (int a = first; a < in->args.len; a++)
		ti_escape(T, nd(T, arg(in, a)));
}

/* ---- operators ---- */

static bool nonneg_int_const(const Instr *v)
{
	return v->op == OP_CONST && ((v->imm.constant.kind == K_INT && !v->imm.constant.negative) ||
	                             v->imm.constant.kind == K_TRUE || v->imm.constant.kind == K_FALSE);
}

/* Containers and ** first; numbers and strings by the shared rules. */
static int binop_kind(TI *T, const Instr *in, int kl, int kr)
{
	BinOpKind op = in->imm.binop;
	if (in->inplace && kl == TY_LIST && op == BINOP_ADD)
		return TY_LIST; /* x += y extends x by any iterable */
	if (op == BINOP_POW) {
		if (intlike(kl) && nonneg_int_const(arg(in, 1)))
			return TY_INT;
		return kl == TY_FLOAT && intlike(kr) ? TY_FLOAT : TY_OBJECT;
	}
	if (op == BINOP_ADD && kl == kr && (kl == TY_LIST || kl == TY_TUPLE))
		return kl;
	if (op == BINOP_MUL && is_seq(kl) && intlike(kr))
		return kl;
	if (op == BINOP_MUL && intlike(kl) && is_seq(kr))
		return kr;
	bool setop = op == BINOP_BITOR || op == BINOP_BITAND || op == BINOP_BITXOR ||
	             op == BINOP_SUB;
	if (setop && kl == TY_SET && kr == TY_SET)
		return TY_SET;
	if (op == BINOP_BITOR && kl == TY_DICT && kr == TY_DICT)
		return TY_DICT;
	return kind_of(typerule_binop(&T->m->types, op, as_type(T, kl), as_type(T, kr)));
}

static int rule_binop(TI *T, Instr *in, unsigned char *fired)
{
	Instr *l = arg(in, 0), *r = arg(in, 1);
	int n = nd(T, in);
	if (once(fired, F_STATIC)) {
		/* A new list, tuple, set or dict holds what both operands hold;
		 * x += y on a list is x itself, extended by y's items. */
		for (int w = 0; w < 2; w++) {
			ti_flow(T, ti_child(T, n, w), ti_child(T, nd(T, l), w));
			ti_flow(T, ti_child(T, n, w), ti_child(T, nd(T, r), w));
		}
		if (in->inplace) {
			ti_alias(T, n, nd(T, l));
			ti_flow_items(T, ti_elem(T, l), r);
		}
	}
	int kl = ti_kind(T, l), kr = ti_kind(T, r);
	if (kl == TK_BOTTOM || kr == TK_BOTTOM)
		return TK_BOTTOM;
	return binop_kind(T, in, kl, kr);
}

static int rule_unary(TI *T, Instr *in)
{
	int k = ti_kind(T, arg(in, 0));
	if (k == TK_BOTTOM)
		return TK_BOTTOM;
	return kind_of(typerule_unary(&T->m->types, in->imm.unary, as_type(T, k)));
}

/* ---- subscripts ---- */

/* Whether obj[idx] may index (an item) and may slice (a new container). */
static void index_modes(TI *T, const Instr *idx, bool *item, bool *slice)
{
	int k = ti_kind(T, idx);
	bool lit = idx->op == OP_SLICE;
	*item = !lit && k != TK_BOTTOM && k != TY_SLICE;
	*slice = lit || k == TY_SLICE || k == TY_OBJECT;
}

static int rule_getitem(TI *T, Instr *in, unsigned char *fired)
{
	Instr *o = arg(in, 0), *ix = arg(in, 1);
	int n = nd(T, in);
	bool item, slice;
	index_modes(T, ix, &item, &slice);
	if (item && once(fired, F_ELEMENT))
		ti_alias(T, n, ti_elem(T, o));
	if (slice && once(fired, F_SLICE))
		ti_flow(T, ti_child(T, n, TI_ELEM), ti_elem(T, o));
	int ko = ti_kind(T, o), ki = ti_kind(T, ix);
	if (ko == TK_BOTTOM || ki == TK_BOTTOM)
		return TK_BOTTOM;
	switch (ko) {
	case TY_STR:
		return TY_STR;
	case TY_LIST: case TY_TUPLE:
		return intlike(ki) ? ti_child_kind(T, o, TI_ELEM) : ki == TY_SLICE ? ko : TY_OBJECT;
	case TY_DICT:
		return ti_child_kind(T, o, TI_ELEM);
	case TY_RANGE:
		return intlike(ki) ? TY_INT : ki == TY_SLICE ? TY_RANGE : TY_OBJECT;
	default:
		return TY_OBJECT;
	}
}

static void rule_setitem(TI *T, Instr *in, unsigned char *fired)
{
	Instr *o = arg(in, 0), *ix = arg(in, 1), *v = arg(in, 2);
	bool item, slice;
	index_modes(T, ix, &item, &slice);
	if (item && once(fired, F_ELEMENT)) {
		ti_flow(T, ti_elem(T, o), nd(T, v));
		ti_flow(T, ti_child(T, nd(T, o), TI_KEY), nd(T, ix));
	}
	if (slice && once(fired, F_SLICE))
		ti_flow_items(T, ti_elem(T, o), v);
}

/* ---- calls ---- */

static Instr *param_of(TI *T, const Function *f, int index)
{
	const TiFunc *tf = &T->fns[f->index];
	for (int k = 0; k < tf->nparam_instrs; k++)
		if (tf->params[k]->imm.index == index)
			return tf->params[k];
	return NULL; /* unused, removed by dce */
}

static Instr *param_named(TI *T, const Function *f, const char *name)
{
	const TiFunc *tf = &T->fns[f->index];
	for (int k = 0; k < tf->nparam_instrs; k++) {
		Instr *p = tf->params[k];
		if (p->imm.index < f->nparams && p->name && strcmp(p->name, name) == 0)
			return p;
	}
	return NULL;
}

/* A call of the user function f, its arguments from args[first]. An
 * argument no parameter takes makes the call raise TypeError, so it
 * flows nowhere. */
static int rule_user_call(TI *T, Instr *in, Function *f, int first, unsigned char *fired)
{
	int n = nd(T, in);
	if (once(fired, F_STATIC)) {
		int npos = in->args.len - first - in->nkw;
		for (int i = 0; i < npos; i++) {
			Instr *p = i < f->nparams ? param_of(T, f, i) : NULL;
			if (p)
				ti_flow(T, nd(T, p), nd(T, arg(in, first + i)));
		}
		for (int k = 0; k < in->nkw; k++) {
			Instr *p = param_named(T, f, in->kwnames[k]);
			if (p)
				ti_flow(T, nd(T, p), nd(T, arg(in, in->args.len - in->nkw + k)));
		}
		if (!f->is_genexp)
			ti_flow(T, n, ti_ret_node(T, f));
		for (int b = 0; f->is_genexp && b < f->blocks.len; b++)
			for (int k = 0; k < f->blocks.items[b]->instrs.len; k++) {
				Instr *y = f->blocks.items[b]->instrs.items[k];
				if (y->op == OP_YIELD)
					ti_flow(T, ti_child(T, n, TI_ELEM), nd(T, arg(y, 0)));
			}
	}
	return f->is_genexp ? TY_ITER : TK_BOTTOM;
}

/* Builtins that neither call user code nor keep a reference to an
 * argument anywhere but in what they return (modelled below). */
static const char *const pure_builtins[] = {
	"print", "len", "str", "repr", "int", "float", "bool", "abs", "round", "sum", "min",
	"max", "sorted", "list", "tuple", "set", "reversed", "iter", "enumerate", "zip",
	"range", "isinstance", "all", "any", "ord", "chr", "hex", "bin", "oct", "format",
	"hash", "id", "open", "input", "divmod", "pow", "ascii", "callable", "next", NULL};

static bool is_exception_name(const char *n)
{
	size_t len = strlen(n);
	return (len > 5 && strcmp(n + len - 5, "Error") == 0) || strcmp(n, "Exception") == 0 ||
	       strcmp(n, "StopIteration") == 0 || strcmp(n, "KeyboardInterrupt") == 0;
}

/* sum(xs[, start]): start (0) plus the items, one at a time. */
static int sum_kind(int start, int items)
{
	if (start == TK_BOTTOM)
		return TK_BOTTOM;
	if (start == TY_INT && (intlike(items) || items == TK_BOTTOM))
		return TY_INT;
	if (start == TY_FLOAT && (intlike(items) || items == TY_FLOAT || items == TK_BOTTOM))
		return TY_FLOAT;
	return TY_OBJECT;
}

/* Text mode (no 'b' in a constant mode) makes a file of str lines. */
static bool text_mode(const Instr *in, int npos)
{
	Instr *mode = npos >= 2 ? arg(in, 2) : kwarg(in, "mode");
	if (!mode)
		return true;
	if (mode->op != OP_CONST || mode->imm.constant.kind != K_STR)
		return false;
	return !memchr(mode->imm.constant.s.s, 'b', mode->imm.constant.s.len);
}

/* The contents a builtin's result shares with its arguments. */
static void builtin_flows(TI *T, Instr *in, const char *name, int npos)
{
	int n = nd(T, in);
	Instr *a0 = npos >= 1 ? arg(in, 1) : NULL;
	static const char *const copies[] = {"list", "tuple", "set", "sorted", "reversed", "iter",
	                                     NULL};
	if (a0 && name_in(name, copies)) {
		ti_flow_items(T, ti_child(T, n, TI_ELEM), a0);
	} else if (a0 && (strcmp(name, "enumerate") == 0 || strcmp(name, "zip") == 0)) {
		/* Tuples of an int (enumerate) or of the arguments' items. */
		int tup = ti_child(T, n, TI_ELEM);
		ti_extra(T, tup, TY_TUPLE);
		int items = ti_child(T, tup, TI_ELEM);
		if (name[0] == 'e')
			ti_extra(T, items, TY_INT);
		for (int a = 1; a <= (name[0] == 'e' ? 1 : npos); a++)
			ti_flow_items(T, ti_child(T, tup, TI_ELEM), arg(in, a));
	} else if (a0 && (strcmp(name, "min") == 0 || strcmp(name, "max") == 0)) {
		/* min(xs) is one of xs's items; min(a, b, ...) one of its arguments */
		if (npos == 1)
			ti_flow_items(T, n, a0);
		for (int a = 1; npos > 1 && a <= npos; a++)
			ti_flow(T, n, nd(T, arg(in, a)));
		if (kwarg(in, "default"))
			ti_flow(T, n, nd(T, kwarg(in, "default")));
	} else if (a0 && strcmp(name, "next") == 0) {
		ti_flow_items(T, n, a0);
		if (npos >= 2)
			ti_flow(T, n, nd(T, arg(in, 2)));
	} else if (strcmp(name, "divmod") == 0) {
		ti_escape(T, n);
	}
}

static int rule_builtin(TI *T, Instr *in, const char *name, unsigned char *fired)
{
	int n = nd(T, in);
	int npos = in->args.len - 1 - in->nkw;
	bool calls_back = kwarg(in, "key") || (strcmp(name, "iter") == 0 && npos > 1);
	bool pure = name_in(name, pure_builtins) && !calls_back;
	if (once(fired, F_STATIC)) {
		if (!pure) {
			escape_args(T, in, 1);
			if (!is_exception_name(name) && !(strcmp(name, "dict") == 0 && in->args.len == 1))
				ti_set_top(T, n);
		}
		builtin_flows(T, in, name, npos);
	}
	const Type *types[8] = {0};
	for (int a = 0; a < npos; a++) {
		int k = ti_kind(T, arg(in, a + 1));
		if (k == TK_BOTTOM)
			return TK_BOTTOM;
		if (a < 8)
			types[a] = as_type(T, k);
	}
	int k0 = npos ? kind_of(types[0]) : TK_BOTTOM;
	if (is_exception_name(name))
		return TY_EXC;
	if (strcmp(name, "sum") == 0 && npos >= 1)
		return sum_kind(npos >= 2 ? kind_of(types[1]) : TY_INT, ti_items_kind(T, arg(in, 1)));
	if (strcmp(name, "round") == 0 && npos == 2)
		return intlike(k0) ? TY_INT : k0 == TY_FLOAT ? TY_FLOAT : TY_OBJECT;
	if (strcmp(name, "open") == 0)
		return text_mode(in, npos) ? TY_FILE : TY_OBJECT;
	if (strcmp(name, "min") == 0 || strcmp(name, "max") == 0 || strcmp(name, "next") == 0)
		return TK_BOTTOM; /* what flows in */
	if (strcmp(name, "dict") == 0 && in->args.len == 1)
		return TY_DICT;
	return kind_of(typerule_builtin(&T->m->types, name, types, npos < 8 ? npos : 8, in->nkw));
}

static int rule_call(TI *T, Instr *in, unsigned char *fired)
{
	Instr *callee = arg(in, 0);
	if (callee->op == OP_BUILTIN)
		return rule_builtin(T, in, callee->imm.name, fired);
	Function *f = ti_callee(T, callee);
	if (f)
		return rule_user_call(T, in, f, 1, fired);
	/* Unknown code: may keep or change what it is given, return anything. */
	if (once(fired, F_STATIC)) {
		escape_args(T, in, 1);
		ti_set_top(T, nd(T, in));
	}
	return TY_OBJECT;
}

/* ---- methods ---- */

/* Methods of lists, sets and dicts whose effect on contents is modelled
 * (in method_flows): they keep no other reference and call no user code. */
static const char *const modelled_methods[] = {
	"append", "add", "insert", "extend", "setdefault", "get", "pop", "copy", "keys",
	"values", "items", "sort", "reverse", "clear", "remove", "discard", "index", "count",
	"join", "writerow", "writerows", "close", NULL};

static const char *const math_float[] = {
	"sqrt", "exp", "log", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
	"atan2", "hypot", "fabs", "degrees", "radians", "random", "uniform", "gauss", NULL};
static const char *const math_int[] = {"floor", "ceil", "trunc", "isqrt", "gcd", "factorial",
                                       "comb", "perm", "randint", "randrange", NULL};

static void method_flows(TI *T, Instr *in, const char *m, int npos)
{
	int n = nd(T, in);
	Instr *r = arg(in, 0);
	Instr *a1 = npos >= 1 ? arg(in, 1) : NULL, *a2 = npos >= 2 ? arg(in, 2) : NULL;
	int elem = ti_elem(T, r);
	if ((strcmp(m, "append") == 0 || strcmp(m, "add") == 0) && a1) {
		ti_flow(T, elem, nd(T, a1));
	} else if (strcmp(m, "insert") == 0 && a2) {
		ti_flow(T, elem, nd(T, a2));
	} else if (strcmp(m, "extend") == 0 && a1) {
		ti_flow_items(T, elem, a1);
	} else if (strcmp(m, "setdefault") == 0 && a1) {
		ti_flow(T, ti_child(T, nd(T, r), TI_KEY), nd(T, a1));
		if (a2)
			ti_flow(T, elem, nd(T, a2));
		else
			ti_extra(T, elem, TY_NONE);
		ti_alias(T, n, elem);
	} else if (strcmp(m, "get") == 0) {
		/* d.get(k[, default]): a value, or the default (None). */
		ti_alias(T, n, elem);
		if (a2)
			ti_flow(T, n, nd(T, a2));
		else
			ti_extra(T, n, TY_NONE);
	} else if (strcmp(m, "pop") == 0) {
		/* xs.pop([i]), d.pop(k[, default]) */
		ti_alias(T, n, elem);
		if (a2)
			ti_flow(T, n, nd(T, a2));
	} else if (strcmp(m, "copy") == 0) {
		for (int w = 0; w < 2; w++)
			ti_flow(T, ti_child(T, n, w), ti_child(T, nd(T, r), w));
	} else if (strcmp(m, "keys") == 0 || strcmp(m, "values") == 0) {
		ti_flow(T, ti_child(T, n, TI_ELEM), ti_child(T, nd(T, r), m[0] == 'k' ? TI_KEY : TI_ELEM));
	} else if (strcmp(m, "items") == 0) {
		int tup = ti_child(T, n, TI_ELEM);
		ti_extra(T, tup, TY_TUPLE);
		ti_flow(T, ti_child(T, tup, TI_ELEM), ti_child(T, nd(T, r), TI_KEY));
		ti_flow(T, ti_child(T, tup, TI_ELEM), ti_elem(T, r));
	} else if (!strcmp(m, "split") || !strcmp(m, "rsplit") || !strcmp(m, "splitlines") ||
	           !strcmp(m, "readlines") || !strcmp(m, "partition") || !strcmp(m, "rpartition")) {
		ti_extra(T, ti_child(T, n, TI_ELEM), TY_STR);
	}
}

/* The kind of a method's result; the shared rules cover str and file
 * methods, method_flows what comes out of containers. */
static int method_kind(TI *T, Instr *in, const char *m, int kr)
{
	Instr *r = arg(in, 0);
	bool coll = kr == TY_LIST || kr == TY_SET || kr == TY_DICT;
	if (strcmp(m, "get") == 0 || strcmp(m, "setdefault") == 0)
		return kr == TY_DICT ? ti_child_kind(T, r, TI_ELEM) : TY_OBJECT;
	if (strcmp(m, "pop") == 0)
		return coll ? ti_child_kind(T, r, TI_ELEM) : TY_OBJECT;
	if (strcmp(m, "copy") == 0)
		return coll ? kr : TY_OBJECT;
	if (strcmp(m, "keys") == 0 || strcmp(m, "values") == 0 || strcmp(m, "items") == 0)
		return kr == TY_DICT ? TK_VIEW : TY_OBJECT;
	static const char *const to_none[] = {"append", "add", "insert", "extend", "sort",
	                                      "reverse", "clear", "remove", "discard", NULL};
	if (coll && name_in(m, to_none))
		return TY_NONE;
	if (kr == TY_MODULE)
		return name_in(m, math_float) ? TY_FLOAT : name_in(m, math_int) ? TY_INT : TY_OBJECT;
	return kind_of(typerule_method(&T->m->types, as_type(T, kr), m));
}

static int rule_method(TI *T, Instr *in, unsigned char *fired)
{
	const char *m = in->imm.name;
	int npos = in->args.len - 1 - in->nkw;
	Instr *r = arg(in, 0);
	if (once(fired, F_STATIC))
		method_flows(T, in, m, npos);
	int kr = ti_kind(T, r);
	if (kr == TK_BOTTOM)
		return TK_BOTTOM;
	bool pure = (name_in(m, modelled_methods) && !kwarg(in, "key")) ||
	            ((kr == TY_STR || kr == TY_FILE) && typerule_method(&T->m->types, as_type(T, kr), m)) ||
	            (kr == TY_MODULE && (name_in(m, math_float) || name_in(m, math_int)));
	if (!pure && once(fired, F_ESCAPE)) {
		escape_args(T, in, 0);
		ti_set_top(T, nd(T, in));
	}
	return method_kind(T, in, m, kr);
}

/* ---- names ---- */

static void rule_load_global(TI *T, Instr *in)
{
	const TiGlobal *g = ti_global(T, in->imm.name);
	for (int s = 0; g && s < g->stores.len; s++)
		ti_flow(T, nd(T, in), g->stores.items[s]);
	/* Before the module binds it (or after a del) the name is the builtin;
	 * a name it never binds may be one Python sets (__name__, __file__). */
	if (strcmp(in->imm.name, "__name__") == 0 || strcmp(in->imm.name, "__file__") == 0)
		ti_extra(T, nd(T, in), TY_STR);
	else if (!g || typerule_is_builtin_name(in->imm.name))
		ti_extra(T, nd(T, in), TY_OBJECT);
}

static void rule_slot_load(TI *T, Instr *in)
{
	Function *f = in->block->fn;
	for (int b = 0; b < f->blocks.len; b++)
		for (int k = 0; k < f->blocks.items[b]->instrs.len; k++) {
			Instr *s = f->blocks.items[b]->instrs.items[k];
			if (s->op == OP_SLOT_STORE && strcmp(s->imm.name, in->imm.name) == 0)
				ti_flow(T, nd(T, in), nd(T, arg(s, 0)));
		}
}

/* Defaults are parameters' values too (one object shared by calls). */
static void rule_make_function(TI *T, Instr *in)
{
	Function *f = in->imm.fn;
	int ndef = in->args.len - f->freevars.len;
	for (int i = 0; i < ndef; i++) {
		Instr *p = param_of(T, f, f->nparams - ndef + i);
		if (p)
			ti_flow(T, nd(T, p), nd(T, arg(in, i)));
	}
}

/* ---- everything else ---- */

/* Constraints that hold whatever the kinds: added on the first visit. */
static void static_rule(TI *T, Instr *in)
{
	int n = ir_has_value(in->op) ? nd(T, in) : -1;
	switch (in->op) {
	case OP_PHI:
		for (int a = 0; a < in->args.len; a++)
			ti_flow(T, n, nd(T, arg(in, a)));
		break;
	case OP_LOAD_GLOBAL: rule_load_global(T, in); break;
	case OP_SLOT_LOAD: rule_slot_load(T, in); break;
	case OP_CELL_LOAD: ti_set_top(T, n); break;
	case OP_CELL_STORE: ti_escape(T, nd(T, arg(in, 1))); break;
	case OP_SETATTR:
		ti_escape(T, nd(T, arg(in, 0)));
		ti_escape(T, nd(T, arg(in, 1)));
		break;
	case OP_MAKE_FUNCTION: rule_make_function(T, in); break;
	case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_TUPLE:
		for (int a = 0; a < in->args.len; a++)
			ti_flow(T, ti_child(T, n, TI_ELEM), nd(T, arg(in, a)));
		break;
	case OP_BUILD_DICT:
		for (int a = 0; a + 1 < in->args.len; a += 2) {
			ti_flow(T, ti_child(T, n, TI_KEY), nd(T, arg(in, a)));
			ti_flow(T, ti_child(T, n, TI_ELEM), nd(T, arg(in, a + 1)));
		}
		break;
	case OP_LIST_APPEND: case OP_SET_ADD:
		ti_flow(T, ti_elem(T, arg(in, 0)), nd(T, arg(in, 1)));
		break;
	case OP_DICT_PUT:
		ti_flow(T, ti_child(T, nd(T, arg(in, 0)), TI_KEY), nd(T, arg(in, 1)));
		ti_flow(T, ti_elem(T, arg(in, 0)), nd(T, arg(in, 2)));
		break;
	case OP_UNPACK: case OP_ITER:
		ti_flow_items(T, ti_child(T, n, TI_ELEM), arg(in, 0));
		break;
	case OP_EXTRACT: case OP_ITERNEXT:
		ti_alias(T, n, ti_elem(T, arg(in, 0)));
		break;
	case OP_RET:
		ti_flow(T, ti_ret_node(T, in->block->fn), nd(T, arg(in, 0)));
		break;
	default:
		break;
	}
}

/* The kind of an iterator's next item, or of an unpacked value's. */
static int item_kind(TI *T, const Instr *it)
{
	int k = ti_kind(T, it);
	return k == TY_ITER || k == TY_TUPLE ? ti_child_kind(T, it, TI_ELEM) : ti_items_kind(T, it);
}

static int rule_with_enter(TI *T, Instr *in, unsigned char *fired)
{
	Instr *mgr = arg(in, 0);
	int k = ti_kind(T, mgr);
	if (k == TK_BOTTOM)
		return TK_BOTTOM;
	if (k == TY_FILE) {
		if (once(fired, F_ELEMENT))
			ti_alias(T, nd(T, in), nd(T, mgr));
		return TY_FILE; /* a file's __enter__ returns the file */
	}
	if (once(fired, F_ESCAPE))
		ti_set_top(T, nd(T, in));
	return TY_OBJECT;
}

int ti_rule(TI *T, Instr *in, unsigned char *fired)
{
	if (in->op != OP_BINOP && in->op != OP_CALL && in->op != OP_CALL_METHOD &&
	    in->op != OP_CALL_DIRECT && once(fired, F_STATIC))
		static_rule(T, in);
	switch (in->op) {
	case OP_CONST: return in->type->kind;
	case OP_BINOP: return rule_binop(T, in, fired);
	case OP_UNARY: return rule_unary(T, in);
	case OP_COMPARE: case OP_EXC_MATCH: return TY_BOOL;
	case OP_IMPORT: return TY_MODULE;
	case OP_MAKE_FUNCTION: return TY_FUNC;
	case OP_CALL: return rule_call(T, in, fired);
	case OP_CALL_DIRECT: return rule_user_call(T, in, in->imm.fn, 0, fired);
	case OP_CALL_METHOD: return rule_method(T, in, fired);
	case OP_GETITEM: return rule_getitem(T, in, fired);
	case OP_SETITEM: rule_setitem(T, in, fired); return TK_BOTTOM;
	case OP_SLICE: return TY_SLICE;
	case OP_BUILD_LIST: return TY_LIST;
	case OP_BUILD_SET: return TY_SET;
	case OP_BUILD_TUPLE: return TY_TUPLE;
	case OP_BUILD_DICT: return TY_DICT;
	case OP_ITER: return TY_ITER;
	case OP_ITERNEXT: case OP_EXTRACT: return item_kind(T, arg(in, 0));
	case OP_UNPACK: return TY_TUPLE;
	case OP_FORMAT: case OP_JOIN_STR: return TY_STR;
	case OP_WITH_ENTER: return rule_with_enter(T, in, fired);
	case OP_CUR_EXC: return TY_EXC;
	/* Their kinds are what flows in (static_rule). */
	case OP_PHI: case OP_PARAM: case OP_UNDEF: case OP_LOAD_GLOBAL: case OP_SLOT_LOAD:
		return TK_BOTTOM;
	case OP_GETATTR: {
		Instr *o = arg(in, 0);
		static const char *const consts[] = {"pi", "e", "tau", "inf", "nan", NULL};
		int k = ti_kind(T, o);
		if (k == TK_BOTTOM)
			return TK_BOTTOM;
		if (k == TY_MODULE && name_in(in->imm.name, consts))
			return TY_FLOAT;
		/* A bound method or an attribute: unknown, and may change o. */
		if (once(fired, F_ESCAPE)) {
			ti_escape(T, nd(T, o));
			ti_set_top(T, nd(T, in));
		}
		return TY_OBJECT;
	}
	default:
		if (ir_has_value(in->op) && once(fired, F_ESCAPE))
			ti_set_top(T, nd(T, in));
		return ir_has_value(in->op) ? TY_OBJECT : TK_BOTTOM;
	}
}
