/* memest_builtins.c: what calls make, for the memory estimator: the
 * builtins, the methods of str, list, dict, set and files, the modules of
 * the subset (math, random, csv, sys, os.path), and user functions, which
 * are analyzed with their arguments (fn_call).
 *
 * Each sets the value a call gives, the bytes it makes that outlive it
 * (alloc) and those it makes and frees before it returns (extra). The
 * costs come from CPython 3.11 (docs/memest.md lists them); a builtin or
 * method not modelled is unknown, never guessed low. */
#include "passes/memest.h"

#include <stdlib.h>

#define SY (&E->S)

/* ---- calls to builtins ---- */

/* int(s) of at most n characters: at most n digits, n - 1 after a '-' */
static const AVal *int_of_str(MemEst *E, const AVal *s)
{
	uint64_t n;
	if (sym_is_num(s->len, &n) && n < 18) {
		int64_t m = 1;
		for (uint64_t i = 0; i < n; i++)
			m *= 10;
		return av_int(E, n ? -(m / 10 - 1) : 0, m - 1, NULL);
	}
	return av_int(E, -AV_INF, AV_INF, NULL);
}

/* print(*args, sep=' ', end='\n'): each argument becomes a str (unless it
 * is one) and is written, as is each separator; the stream makes a bytes
 * copy of each write. Peak: the largest argument's text and copy. */
static const Sym *print_extra(FnCtx *X, Instr *in, int first)
{
	MemEst *E = X->E;
	const Sym *worst = num(E, 64);
	int npos = in->args.len - in->nkw;
	for (int i = first; i < npos; i++) {
		const AVal *a = A(X, arg(in, i));
		const Sym *len = av_str_len(E, a, false, 0);
		const Sym *w = text_width(E, a, 0);
		const Sym *text = a->kind == AK_STR ? SY->zero : str_bytes(E, len, w);
		/* the bytes written: at most 4 per character once encoded */
		const Sym *copy = sym_add(SY, num(E, 33), sym_mul(SY, len, w));
		if (a->kind != AK_STR)
			text = sym_add(SY, text, num(E, C_TEXT));
		worst = sym_max(SY, worst, sym_add(SY, text, copy));
	}
	return sym_add(SY, num(E, C_PRINT), worst);
}

static void call_builtin1(FnCtx *X, Instr *in, const char *name, int first, Out *o);

/* A builtin called with keywords may take them as a dict (and the rest
 * as a tuple): a small dict display and its tuple. */
static void call_builtin(FnCtx *X, Instr *in, const char *name, int first, Out *o)
{
	MemEst *E = X->E;
	call_builtin1(X, in, name, first, o);
	if (in->nkw > 0 && o->val && o->val->kind != AK_BOT) {
		uint64_t kw = pysize_dict_display((uint64_t)in->nkw) +
		              pysize_tuple((uint64_t)(in->args.len - first - in->nkw));
		o->extra = o->extra ? sym_add(SY, o->extra, num(E, kw)) : num(E, kw);
	}
}

static void call_builtin1(FnCtx *X, Instr *in, const char *name, int first, Out *o)
{
	MemEst *E = X->E;
	int npos = in->args.len - in->nkw;
	int n = npos - first;
	const AVal *a0 = n > 0 ? A(X, arg(in, first)) : NULL;
	const AVal *a1 = n > 1 ? A(X, arg(in, first + 1)) : NULL;
	if ((a0 && a0->kind == AK_BOT) || (a1 && a1->kind == AK_BOT)) {
		o->val = av_bot();
		return;
	}
	o->alloc = SY->zero;
	if (strcmp(name, "print") == 0) {
		o->val = av_simple(E, AK_NONE);
		o->extra = print_extra(X, in, first);
		Instr *f = kwarg(in, "file");
		if (f && A(X, f)->kind == AK_FILE)
			o->extra = sym_add(SY, o->extra, num(E, C_FILE_WRITE));
	} else if (strcmp(name, "len") == 0 && a0) {
		const Sym *l = av_len(E, a0);
		uint64_t v = sym_eval(SY, l);
		o->val = av_int(E, 0, v == MEM_INF || v > (uint64_t)AV_INF ? AV_INF : (int64_t)v, l);
		o->alloc = num(E, int_alloc(o->val->lo, o->val->hi));
	} else if (strcmp(name, "range") == 0 && a0) {
		const AVal *start = n >= 2 ? a0 : av_int(E, 0, 0, NULL);
		const AVal *stop = n >= 2 ? a1 : a0;
		const AVal *step = n >= 3 ? A(X, arg(in, first + 2)) : av_int(E, 1, 1, NULL);
		int64_t sv;
		const Sym *len;
		int64_t ilo, ihi;
		if (const_int(step, &sv) && sv < 0) {
			ilo = stop->lo <= -AV_INF ? -AV_INF : stop->lo + 1;
			ihi = start->hi;
			len = start->hi < AV_INF && stop->lo > -AV_INF
			      ? num(E, start->hi > stop->lo ? (uint64_t)(start->hi - stop->lo) : 0) : unk(E);
		} else {
			ilo = start->lo;
			ihi = stop->hi >= AV_INF ? AV_INF : stop->hi - 1;
			if (stop->hi < AV_INF && start->lo > -AV_INF)
				len = num(E, stop->hi > start->lo ? (uint64_t)(stop->hi - start->lo) : 0);
			else if (stop->ub && start->lo >= 0)
				len = stop->ub;
			else if (stop->ub && start->lo > -AV_INF)
				len = sym_add(SY, stop->ub, num(E, (uint64_t)-start->lo));
			else
				len = unk(E);
			uint64_t v;
			if (const_int(step, &sv) && sv > 1 && sym_is_num(len, &v))
				len = num(E, (v + (uint64_t)sv - 1) / (uint64_t)sv);
			if (step->kind != AK_INT || step->lo < 1)
				len = step->kind == AK_INT && step->lo >= 1 ? len : unk(E);
		}
		const Sym *iub = stop->ub && !(const_int(step, &sv) && sv < 0) ? stop->ub : NULL;
		o->val = av_iter(E, AK_RANGE, len, av_int(E, ilo, ihi, iub), NULL, FR_ITEM);
		o->alloc = num(E, C_RANGE);
	} else if ((strcmp(name, "sorted") == 0 || strcmp(name, "list") == 0) && n == 0) {
		o->val = av_coll(E, AK_LIST, SY->zero, av_bot(), NULL, SY->zero, SY->zero, num(E, 56));
		((AVal *)o->val)->appended = true;
		o->alloc = num(E, 56);
	} else if (strcmp(name, "sorted") == 0 || strcmp(name, "list") == 0 ||
	           strcmp(name, "tuple") == 0) {
		const AVal *it = ops_iterable(E, a0);
		const AVal *el = av_item(E, it);
		const Sym *len = av_len(E, it);
		const Sym *fresh = ops_items_fresh(E, it);
		const Sym *shape;
		AKind k = name[0] == 't' ? AK_TUPLE : AK_LIST;
		if (k == AK_TUPLE)
			shape = sym_add(SY, num(E, 40), sym_scale(SY, len, 8));
		else
			shape = ops_sized(a0) ? list_shape_sized(E, len) : list_shape_iter(E, len);
		if (k == AK_TUPLE)
			o->val = av_seq_tuple(E, len, el, av_items(E, it));
		else
			o->val = av_coll(E, AK_LIST, len, el, NULL, it->sum_len, av_items(E, it), shape);
		o->alloc = sym_add(SY, shape, fresh);
		((AVal *)o->val)->approx = a0->approx;
		((AVal *)o->val)->fresh_items = it->fresh != FR_NONE;
		if (name[0] == 's') {
			/* the merge area, and the keys when key= is given */
			o->extra = sym_scale(SY, len, C_SORT_PER_ITEM);
			if (kwarg(in, "key"))
				o->extra = sym_add(SY, o->extra, sym_scale(SY, len, 8 + 36));
		}
	} else if (strcmp(name, "set") == 0 || strcmp(name, "frozenset") == 0) {
		const AVal *it = a0 ? ops_iterable(E, a0) : NULL;
		const AVal *el = it ? av_item(E, it) : av_bot();
		const Sym *len = it ? av_len(E, it) : SY->zero;
		const Sym *items = it ? av_items(E, it) : SY->zero;
		const Sym *fresh = it ? ops_items_fresh(E, it) : SY->zero;
		const Sym *sum_len = it ? it->sum_len : SY->zero;
		const Sym *d = it ? av_distinct(E, el) : NULL;
		if (d && sym_min_now(SY, len, d) == d) {
			/* it keeps one item per distinct value */
			const Sym *each = sym_no_items(SY, el->graph);
			len = d;
			items = sym_mul(SY, d, each);
			fresh = sym_is_zero(fresh) ? fresh : items;
			sum_len = sym_mul(SY, d, sym_no_items(SY, av_len(E, el)));
		}
		const Sym *shape = set_shape(E, len);
		o->val = av_coll(E, AK_SET, len, el, NULL, sum_len, items, shape);
		((AVal *)o->val)->approx = true; /* distinct items: fewer, often far fewer */
		o->alloc = sym_add(SY, shape, fresh);
	} else if (strcmp(name, "dict") == 0) {
		if (!a0) {
			o->val = av_coll(E, AK_DICT, SY->zero, av_bot(), av_bot(), SY->zero, SY->zero,
			                 num(E, 64));
			o->alloc = num(E, 64);
		} else if (a0->kind == AK_DICT) {
			o->val = a0;
			o->alloc = a0->shape ? a0->shape : unk(E);
		} else {
			const AVal *it = ops_iterable(E, a0);
			const AVal *pair = av_item(E, it);
			const AVal *k = pair->ntup == 2 ? pair->tup[0] : av_top(E, NULL);
			const AVal *v = pair->ntup == 2 ? pair->tup[1] : av_top(E, NULL);
			const Sym *shape = dict_shape(E, av_len(E, it), false);
			o->val = av_coll(E, AK_DICT, av_len(E, it), k, v, NULL, av_items(E, it), shape);
			o->alloc = shape;
		}
	} else if (strcmp(name, "sum") == 0 && a0) {
		const AVal *it = ops_iterable(E, a0);
		const AVal *el = av_item(E, it);
		const Sym *cnt = av_len(E, it);
		uint64_t c;
		if (el->kind == AK_INT || el->kind == AK_BOOL) {
			int64_t lo = 0, hi = 0;
			if (sym_is_num(cnt, &c) && c < (1u << 30)) {
				lo = ops_smul(el->lo < 0 ? el->lo : 0, (int64_t)c);
				hi = ops_smul(el->hi > 0 ? el->hi : 0, (int64_t)c);
			} else {
				lo = el->lo < 0 ? -AV_INF : 0;
				hi = el->hi > 0 ? AV_INF : 0;
			}
			o->val = av_int(E, lo, hi, NULL);
			o->alloc = num(E, int_alloc(lo, hi));
			o->extra = sym_add(SY, num(E, C_ITER), num(E, int_bytes(lo, hi)));
		} else if (el->kind == AK_FLOAT) {
			/* each partial sum is within the exact bound (rounding is
			 * monotonic and the bound is a double: av_float) */
			if (sym_is_num(cnt, &c) && c < (1u << 30))
				o->val = av_float(E, ops_smul(el->lo < 0 ? el->lo : 0, (int64_t)c),
				                  ops_smul(el->hi > 0 ? el->hi : 0, (int64_t)c));
			else
				o->val = av_simple(E, AK_FLOAT);
			o->alloc = num(E, 24);
			o->extra = num(E, C_SUM_TEMP + 24);
		} else {
			o->val = av_top(E, el->kind == AK_TOP ? NULL : num(E, 36));
			o->alloc = el->kind == AK_TOP ? unk(E) : num(E, 36);
			o->extra = num(E, C_SUM_TEMP + 36);
		}
		/* a generator's items are made one at a time */
		if (it->fresh != FR_NONE)
			o->extra = sym_add(SY, o->extra, ops_item_fresh(E, it, el));
	} else if ((strcmp(name, "min") == 0 || strcmp(name, "max") == 0) && a0) {
		if (n == 1) {
			const AVal *it = ops_iterable(E, a0);
			o->val = av_item(E, it);
			o->alloc = ops_item_fresh(E, it, o->val);
		} else {
			o->val = av_join(E, a0, a1);
			for (int i = 2; i < n; i++)
				o->val = av_join(E, o->val, A(X, arg(in, first + i)));
		}
		o->extra = num(E, C_ITER + 48);
	} else if (strcmp(name, "abs") == 0 && a0) {
		if (a0->kind == AK_INT) {
			int64_t m = a0->hi > -a0->lo ? a0->hi : (a0->lo <= -AV_INF ? AV_INF : -a0->lo);
			o->val = av_int(E, a0->lo >= 0 ? a0->lo : 0, m, NULL);
			o->alloc = num(E, int_alloc(o->val->lo, o->val->hi));
		} else if (a0->kind == AK_FLOAT) {
			int64_t m = ops_max_mag(a0);
			o->val = m < AV_INF ? av_float(E, 0, m) : av_simple(E, AK_FLOAT);
			o->alloc = num(E, 24);
		} else {
			o->val = av_top(E, NULL);
			o->alloc = unk(E);
		}
	} else if (strcmp(name, "round") == 0 && a0) {
		/* rounding a float within integer bounds to n >= 0 decimals, or
		 * to an int, stays within them (the bounds are representable) */
		bool bounded = a0->kind == AK_FLOAT && a0->lo > -AV_INF && a0->hi < AV_INF;
		if (n >= 2 && a0->kind != AK_INT) {
			o->val = bounded && a1->kind == AK_INT && a1->lo >= 0 ? av_float(E, a0->lo, a0->hi)
			                                                       : av_simple(E, AK_FLOAT);
			o->alloc = num(E, 24);
			o->extra = num(E, C_ROUND);
		} else if (a0->kind == AK_INT) {
			o->val = a0;
		} else {
			o->val = bounded ? av_int(E, a0->lo, a0->hi, NULL) : av_int(E, -AV_INF, AV_INF, NULL);
			o->alloc = num(E, int_alloc(o->val->lo, o->val->hi));
			o->extra = num(E, C_ROUND);
		}
	} else if (strcmp(name, "int") == 0) {
		if (!a0)
			o->val = av_int(E, 0, 0, NULL);
		else if (a0->kind == AK_STR)
			o->val = int_of_str(E, a0);
		else if (a0->kind == AK_INT || a0->kind == AK_BOOL)
			o->val = av_int(E, a0->lo, a0->hi, a0->ub);
		else if (a0->kind == AK_FLOAT)
			o->val = av_int(E, a0->lo, a0->hi, NULL); /* truncated: within them */
		else
			o->val = av_int(E, -AV_INF, AV_INF, NULL);
		o->alloc = num(E, int_alloc(o->val->lo, o->val->hi));
		o->extra = num(E, C_INT_PARSE);
	} else if (strcmp(name, "float") == 0) {
		/* float(int) rounds to a neighbouring double: within integer
		 * bounds up to 2**53 (av_float) */
		o->val = a0 && (a0->kind == AK_INT || a0->kind == AK_BOOL || a0->kind == AK_FLOAT)
		         ? av_float(E, a0->lo, a0->hi) : a0 ? av_simple(E, AK_FLOAT) : av_float(E, 0, 0);
		o->alloc = a0 && a0->kind == AK_FLOAT ? SY->zero : num(E, 24);
	} else if (strcmp(name, "str") == 0 || strcmp(name, "repr") == 0 ||
	           strcmp(name, "ascii") == 0) {
		if (!a0) {
			o->val = av_str(E, SY->zero, SY->one);
		} else if (a0->kind == AK_STR && name[0] == 's') {
			o->val = a0; /* str(s) is s */
		} else {
			o->val = av_str(E, av_str_len(E, a0, name[0] != 's', 0), text_width(E, a0, 0));
			o->alloc = o->val->graph;
			o->extra = num(E, C_TEXT);
		}
	} else if (strcmp(name, "bool") == 0 || strcmp(name, "isinstance") == 0 ||
	           strcmp(name, "callable") == 0 || strcmp(name, "any") == 0 ||
	           strcmp(name, "all") == 0 || strcmp(name, "hasattr") == 0) {
		o->val = av_simple(E, AK_BOOL);
		if (a0 && (name[1] == 'n' || name[1] == 'l'))
			o->extra = sym_add(SY, num(E, C_ITER), ops_item_fresh(E, ops_iterable(E, a0), av_item(E, ops_iterable(E, a0))));
	} else if (strcmp(name, "open") == 0) {
		Instr *p = arg(in, first);
		Instr *m = n > 1 ? arg(in, first + 1) : kwarg(in, "mode");
		const char *ps = NULL, *ms = "r";
		size_t pn = 0, mn = 1;
		char mode = 'r';
		if (m && is_const_str(m, &ms, &mn))
			mode = memchr(ms, 'w', mn) || memchr(ms, 'a', mn) || memchr(ms, 'x', mn) ||
			       memchr(ms, '+', mn) ? 'w' : 'r';
		else if (m)
			mode = 'w';
		AVal *f = (AVal *)av_obj(E, AK_FILE, NULL, num(E, C_FILE));
		const AVal *pv = p ? A(X, p) : NULL;
		if (p && is_const_str(p, &ps, &pn) && !memchr(ps, 0, pn))
			f->name = arena_strndup(&E->arena, ps, pn);
		else if (pv && pv->kind == AK_STR && pv->name)
			f->name = pv->name; /* a path passed along as a constant */
		f->mode = mode;
		f->fresh = FR_ITEM;
		if (f->name) {
			f->len = sym_file(SY, f->name, FS_LINES);
			f->sum_len = sym_file(SY, f->name, FS_BYTES);
			f->elem = av_str(E, sym_file(SY, f->name, FS_MAXLINE), sym_file(SY, f->name, FS_WIDTH));
		} else {
			f->len = unk(E);
			f->sum_len = NULL;
			f->elem = av_str(E, unk(E), num(E, 4));
		}
		if (mode == 'w') {
			f->len = SY->zero;
			f->sum_len = SY->zero;
		}
		o->val = f;
		o->alloc = num(E, C_FILE);
	} else if (strcmp(name, "enumerate") == 0 || strcmp(name, "zip") == 0 ||
	           strcmp(name, "reversed") == 0 || strcmp(name, "iter") == 0) {
		if (!a0) {
			o->val = av_top(E, NULL);
			o->alloc = unk(E);
			return;
		}
		const AVal *it = ops_iterable(E, a0);
		if (name[0] == 'e') {
			const AVal *pair[2] = {av_int(E, 0, AV_INF, av_len(E, it)), av_item(E, it)};
			o->val = av_iter(E, AK_ITER, av_len(E, it), av_tuple(E, 2, pair), NULL, FR_TUPLE);
			o->alloc = num(E, C_ENUM + C_ITER);
		} else if (name[0] == 'z') {
			const AVal **parts = arena_alloc(&E->arena, (size_t)(n ? n : 1) * sizeof *parts);
			/* as long as the first (any of them bounds the shortest) */
			const Sym *len = av_len(E, it);
			for (int i = 0; i < n; i++)
				parts[i] = av_item(E, ops_iterable(E, A(X, arg(in, first + i))));
			o->val = av_iter(E, AK_ITER, len, av_tuple(E, n, parts), NULL, FR_TUPLE);
			o->alloc = num(E, (uint64_t)(C_ENUM + C_ITER * n));
		} else {
			o->val = av_iter(E, AK_ITER, av_len(E, it), av_item(E, it), it->sum_len, it->fresh);
			o->alloc = num(E, a0->kind == AK_FILE || a0->kind == AK_ITER ? 0 : C_ITER);
		}
	} else if (strcmp(name, "chr") == 0) {
		o->val = av_str(E, SY->one, num(E, 4));
		o->alloc = num(E, 80);
	} else if (strcmp(name, "ord") == 0 || strcmp(name, "hash") == 0 || strcmp(name, "id") == 0) {
		o->val = name[0] == 'o' ? av_int(E, 0, 0x10ffff, NULL) : av_int(E, -AV_INF, AV_INF, NULL);
		o->alloc = num(E, 36);
	} else if (strcmp(name, "divmod") == 0 && a0 && a1) {
		const AVal *q = ops_int_op(E, BINOP_FLOORDIV, a0->kind == AK_INT ? a0 : av_int(E, -AV_INF, AV_INF, NULL),
		                       a1->kind == AK_INT ? a1 : av_int(E, -AV_INF, AV_INF, NULL));
		const AVal *r = ops_int_op(E, BINOP_MOD, a0->kind == AK_INT ? a0 : av_int(E, -AV_INF, AV_INF, NULL),
		                       a1->kind == AK_INT ? a1 : av_int(E, -AV_INF, AV_INF, NULL));
		const AVal *pair[2] = {q, r};
		o->val = av_tuple(E, 2, pair);
		o->alloc = sym_add(SY, num(E, 56), num(E, int_alloc(q->lo, q->hi) + int_alloc(r->lo, r->hi)));
		if (a0->kind == AK_FLOAT || a1->kind == AK_FLOAT)
			o->alloc = num(E, 56 + 48);
	} else if (strcmp(name, "input") == 0) {
		o->val = av_str(E, unk(E), num(E, 4));
		o->alloc = unk(E);
		o->extra = print_extra(X, in, first);
	} else if (strcmp(name, "format") == 0 && a0) {
		/* as an f-string's field; format(s) and format(s, '') are s */
		Instr *sp = n > 1 ? arg(in, first + 1) : NULL;
		const char *s = NULL;
		size_t sn = 0;
		bool cs = sp && is_const_str(sp, &s, &sn);
		const AVal *r = !sp || cs ? ops_format(E, a0, s, sn, 0) : NULL;
		if (a0->kind == AK_STR && (!sp || (cs && sn == 0))) {
			o->val = a0;
		} else {
			o->val = r ? r : av_str(E, unk(E), num(E, 4));
			o->alloc = o->val->graph;
			o->extra = ops_format_extra(E, a0, sn, o->val);
		}
	} else if (strcmp(name, "pow") == 0 && a0 && a1) {
		if (a0->kind == AK_INT && a1->kind == AK_INT) {
			o->val = ops_int_op(E, BINOP_POW, a0, a1);
			o->alloc = o->val->hi >= AV_INF ? unk(E) : num(E, int_alloc(o->val->lo, o->val->hi));
		} else {
			o->val = av_simple(E, AK_FLOAT);
			o->alloc = num(E, 24);
		}
	} else if (name[0] >= 'A' && name[0] <= 'Z') {
		/* ValueError("..."), Exception(...): the exception object */
		o->val = av_obj(E, AK_OBJ, name, num(E, C_EXC));
		o->alloc = num(E, C_EXC);
	} else {
		o->val = av_top(E, NULL);
		o->alloc = unk(E);
	}
}

/* ---- methods ---- */

static const Sym *split_parts(MemEst *E, const AVal *s, Instr *sep, const AVal *maxsplit)
{
	/* split(): a part and the whitespace after it take two characters at
	 * least, so (len + 1) / 2 parts; split(sep) may give empty parts:
	 * len + 1 */
	const Sym *parts = sep ? sym_add(SY, s->len, SY->one) : sym_div(SY, sym_add(SY, s->len, SY->one), 2);
	int64_t m;
	if (maxsplit && const_int(maxsplit, &m) && m >= 0)
		parts = num(E, (uint64_t)m + 1);
	return parts;
}

static void method_str(FnCtx *X, Instr *in, const AVal *s, const char *m, Out *o)
{
	MemEst *E = X->E;
	int npos = in->args.len - in->nkw;
	const AVal *a1 = npos > 1 ? A(X, arg(in, 1)) : NULL;
	if (strcmp(m, "split") == 0 || strcmp(m, "rsplit") == 0 || strcmp(m, "splitlines") == 0) {
		Instr *sepi = m[0] != 's' || m[5] == 'l' ? NULL : (npos > 1 ? arg(in, 1) : kwarg(in, "sep"));
		const AVal *ms = npos > 2 ? A(X, arg(in, 2)) : (kwarg(in, "maxsplit") ? A(X, kwarg(in, "maxsplit")) : NULL);
		const Sym *parts = split_parts(E, s, sepi, ms);
		/* the parts' bytes: 49 for each of at most (len + 1) / 3 parts
		 * (shorter ones are shared), plus the characters, at the string's
		 * width */
		const Sym *counted = sym_div(SY, sym_add(SY, s->len, SY->one), 3);
		const AVal *sv = sepi ? A(X, sepi) : NULL;
		bool words = !sepi && m[0] == 's' && m[5] != 'l';
		if (s->src && !ms && (words || (sv && sv->kind == AK_STR && sv->name && *sv->name &&
		                                !strpbrk(sv->name, "\r\n")))) {
			/* a line of a file: as many parts as its separators plus one,
			 * or as its words ("" stands for split()'s None) */
			const Sym *seps = fn_sep_count(X, s->line, s->src, words ? "" : sv->name);
			parts = words ? seps : sym_add(SY, seps, SY->one);
			counted = parts;
		}
		if (ms && const_int(ms, &(int64_t){0})) {
			int64_t mm;
			const_int(ms, &mm);
			if (mm >= 0)
				counted = num(E, (uint64_t)mm + 1);
		}
		const Sym *strs = sym_mul(SY, sym_add(SY, sym_scale(SY, counted, 49), s->len), s->width);
		const Sym *shape = list_shape_iter(E, parts);
		AVal *part = (AVal *)av_str(E, s->len, s->width);
		part->src = s->src; /* part of a line of that file */
		if (s->src && s->line && words && !ms) {
			/* the words of a whole line (stripping keeps them): one of
			 * the file's distinct words, at most its longest */
			part->distinct = sym_file_sep(SY, s->src, FS_DISTINCT, "");
			part->len = sym_min_now(SY, s->len, sym_file_sep(SY, s->src, FS_MAXPART, ""));
			part->graph = str_bytes(E, part->len, part->width);
		}
		o->val = av_coll(E, AK_LIST, parts, part, NULL, s->len, strs, shape);
		((AVal *)o->val)->fresh_items = true;
		o->alloc = sym_add(SY, shape, strs);
	} else if (strcmp(m, "strip") == 0 || strcmp(m, "lstrip") == 0 || strcmp(m, "rstrip") == 0 ||
	           strcmp(m, "lower") == 0 || strcmp(m, "upper") == 0 || strcmp(m, "title") == 0 ||
	           strcmp(m, "capitalize") == 0 || strcmp(m, "swapcase") == 0 ||
	           strcmp(m, "casefold") == 0 || strcmp(m, "removeprefix") == 0 ||
	           strcmp(m, "removesuffix") == 0) {
		/* casefold and upper may lengthen a non-ASCII string 3 times */
		bool grow = m[0] == 'u' || m[0] == 'c' || m[0] == 't' || m[1] == 'w';
		uint64_t w;
		const Sym *len = grow && !(sym_is_num(s->width, &w) && w == 1) ? sym_scale(SY, s->len, 3) : s->len;
		AVal *r = (AVal *)av_str(E, len, s->width);
		if (strstr(m, "strip")) {
			/* stripping only removes separators: it stays that line */
			r->src = s->src;
			r->line = s->line;
		}
		o->val = r;
		o->alloc = o->val->graph;
	} else if (strcmp(m, "replace") == 0) {
		const AVal *b = npos > 2 ? A(X, arg(in, 2)) : av_str(E, unk(E), num(E, 4));
		uint64_t la, lb;
		const Sym *len = s->len;
		if (!(a1 && sym_is_num(a1->len, &la) && sym_is_num(b->len, &lb) && lb <= la && la > 0))
			len = sym_mul(SY, sym_add(SY, s->len, SY->one), sym_max(SY, b->len, SY->one));
		o->val = av_str(E, len, sym_max(SY, s->width, b->width));
		o->alloc = o->val->graph;
	} else if (strcmp(m, "partition") == 0 || strcmp(m, "rpartition") == 0) {
		const AVal *part = av_str(E, s->len, s->width);
		const AVal *parts[3] = {part, a1 ? a1 : part, part};
		o->val = av_tuple(E, 3, parts);
		((AVal *)o->val)->fresh_items = true;
		/* two new strs at most, sharing the characters */
		o->alloc = sym_add(SY, num(E, pysize_tuple(3)),
		                   sym_mul(SY, sym_add(SY, num(E, 98), s->len), s->width));
	} else if (strcmp(m, "join") == 0 && a1) {
		const AVal *it = ops_iterable(E, a1);
		const AVal *el = av_item(E, it);
		const Sym *n = av_len(E, it);
		const Sym *len = sym_add(SY, av_sum_len(E, it), sym_mul(SY, n, s->len));
		const Sym *w = el->kind == AK_STR ? sym_max(SY, s->width, el->width) : num(E, 4);
		o->val = av_str(E, len, w);
		o->alloc = o->val->graph;
		/* a sequence of the items when it is not a list or tuple */
		if (a1->kind != AK_LIST && a1->kind != AK_TUPLE)
			o->extra = sym_add(SY, list_shape_iter(E, n), ops_items_fresh(E, it));
	} else if (strcmp(m, "startswith") == 0 || strcmp(m, "endswith") == 0 ||
	           strncmp(m, "is", 2) == 0) {
		o->val = av_simple(E, AK_BOOL);
	} else if (strcmp(m, "find") == 0 || strcmp(m, "rfind") == 0 || strcmp(m, "index") == 0 ||
	           strcmp(m, "rindex") == 0 || strcmp(m, "count") == 0) {
		uint64_t v = sym_eval(SY, s->len);
		o->val = av_int(E, -1, v == MEM_INF || v > (uint64_t)AV_INF ? AV_INF : (int64_t)v, s->len);
		o->alloc = num(E, int_alloc(o->val->lo, o->val->hi));
	} else if (strcmp(m, "zfill") == 0 || strcmp(m, "ljust") == 0 || strcmp(m, "rjust") == 0 ||
	           strcmp(m, "center") == 0) {
		const Sym *w = a1 && a1->kind == AK_INT && a1->hi < AV_INF ? num(E, a1->hi > 0 ? (uint64_t)a1->hi : 0) : unk(E);
		o->val = av_str(E, sym_max(SY, s->len, w), s->width);
		o->alloc = o->val->graph;
	} else if (strcmp(m, "encode") == 0) {
		o->val = av_obj(E, AK_OBJ, "bytes", sym_add(SY, num(E, 33), sym_scale(SY, s->len, 4)));
		o->alloc = o->val->graph;
	} else if (strcmp(m, "format") == 0) {
		o->val = av_str(E, unk(E), num(E, 4));
		o->alloc = unk(E);
	} else {
		o->val = av_top(E, NULL);
		o->alloc = unk(E);
	}
}

static void method_coll(FnCtx *X, Instr *in, const AVal *c, const char *m, Out *o)
{
	MemEst *E = X->E;
	int npos = in->args.len - in->nkw;
	const AVal *a1 = npos > 1 ? A(X, arg(in, 1)) : NULL;
	o->val = av_simple(E, AK_NONE);
	if (strcmp(m, "append") == 0 || strcmp(m, "extend") == 0 || strcmp(m, "insert") == 0 ||
	    strcmp(m, "add") == 0 || strcmp(m, "update") == 0 || strcmp(m, "remove") == 0 ||
	    strcmp(m, "discard") == 0 || strcmp(m, "clear") == 0 || strcmp(m, "reverse") == 0 ||
	    strcmp(m, "difference_update") == 0 || strcmp(m, "intersection_update") == 0) {
		/* growth is counted by the receiver's final value */
		if ((m[0] == 'e' || m[0] == 'u') && a1)
			o->extra = ops_items_fresh(E, ops_iterable(E, a1));
	} else if (strcmp(m, "sort") == 0) {
		o->extra = sym_scale(SY, av_len(E, c), C_SORT_PER_ITEM);
		if (kwarg(in, "key"))
			o->extra = sym_add(SY, o->extra, sym_scale(SY, av_len(E, c), 8 + 36));
	} else if (strcmp(m, "pop") == 0 || strcmp(m, "popitem") == 0) {
		if (c->kind == AK_DICT)
			o->val = m[3] == 'i' ? av_top(E, NULL)
			         : (npos > 2 ? av_join(E, c->val ? c->val : av_top(E, NULL), A(X, arg(in, 2)))
			                     : (c->val ? c->val : av_top(E, NULL)));
		else
			o->val = av_item(E, c);
		if (m[3] == 'i')
			o->alloc = num(E, 56);
	} else if (strcmp(m, "get") == 0 && c->kind == AK_DICT) {
		const AVal *v = c->val ? c->val : av_top(E, NULL);
		o->val = npos > 2 ? av_join(E, v, A(X, arg(in, 2))) : av_join(E, v, av_simple(E, AK_NONE));
	} else if (strcmp(m, "setdefault") == 0 && c->kind == AK_DICT) {
		const AVal *v = c->val ? c->val : av_top(E, NULL);
		o->val = npos > 2 ? av_join(E, v, A(X, arg(in, 2))) : v;
	} else if ((strcmp(m, "items") == 0 || strcmp(m, "keys") == 0 || strcmp(m, "values") == 0) &&
	           c->kind == AK_DICT) {
		const AVal *k = av_item(E, c), *v = c->val ? c->val : av_top(E, NULL);
		const AVal *el = m[0] == 'k' ? k : m[0] == 'v' ? v : av_tuple(E, 2, (const AVal *[]){k, v});
		AVal *view = (AVal *)av_iter(E, AK_ITER, av_len(E, c), el,
		                             m[0] == 'k' ? c->sum_len : NULL, m[0] == 'i' ? FR_TUPLE : FR_NONE);
		view->graph = num(E, C_VIEW);
		view->items = m[0] == 'i' ? av_items(E, c) : NULL;
		o->val = view;
		o->alloc = num(E, C_VIEW);
	} else if (strcmp(m, "copy") == 0) {
		o->val = c;
		o->alloc = c->shape ? c->shape : unk(E);
	} else if (strcmp(m, "index") == 0 || strcmp(m, "count") == 0) {
		o->val = av_int(E, 0, AV_INF, av_len(E, c));
		o->alloc = num(E, 32);
	} else if ((strcmp(m, "union") == 0 || strcmp(m, "intersection") == 0 ||
	            strcmp(m, "difference") == 0 || strcmp(m, "symmetric_difference") == 0) &&
	           c->kind == AK_SET) {
		const Sym *len = a1 ? sym_add(SY, av_len(E, c), av_len(E, ops_iterable(E, a1))) : av_len(E, c);
		const Sym *shape = set_shape(E, len);
		o->val = av_coll(E, AK_SET, len, a1 ? av_join(E, av_item(E, c), av_item(E, ops_iterable(E, a1))) : av_item(E, c),
		                 NULL, NULL, NULL, shape);
		o->alloc = shape;
	} else if (strncmp(m, "is", 2) == 0) {
		o->val = av_simple(E, AK_BOOL);
	} else {
		o->val = av_top(E, NULL);
		o->alloc = unk(E);
	}
}

static void method_file(FnCtx *X, Instr *in, const AVal *f, const char *m, Out *o)
{
	MemEst *E = X->E;
	int npos = in->args.len - in->nkw;
	if (strcmp(m, "readlines") == 0) {
		AVal *line = (AVal *)av_item(E, f);
		if (line->kind == AK_STR && f->name) {
			line = (AVal *)av_with_len(E, line, line->len);
			line->src = f->name;
		}
		const Sym *n = av_len(E, f);
		const Sym *shape = list_shape_iter(E, n);
		const Sym *strs = ops_items_fresh(E, f);
		o->val = av_coll(E, AK_LIST, n, line, NULL, f->sum_len, strs, shape);
		((AVal *)o->val)->fresh_items = true;
		o->alloc = sym_add(SY, shape, strs);
		o->extra = num(E, C_FILE_READ);
	} else if (strcmp(m, "read") == 0) {
		const Sym *len = f->sum_len ? f->sum_len : unk(E);
		const AVal *line = av_item(E, f);
		o->val = av_str(E, len, line->width);
		o->alloc = o->val->graph;
		/* the bytes read, then decoded */
		o->extra = sym_add(SY, num(E, C_FILE_READ + 33), len);
	} else if (strcmp(m, "readline") == 0) {
		o->val = av_item(E, f);
		o->alloc = o->val->graph;
		o->extra = num(E, C_FILE_READ);
	} else if (strcmp(m, "write") == 0 || strcmp(m, "writelines") == 0) {
		o->val = av_int(E, 0, AV_INF, NULL);
		o->alloc = num(E, 32);
		/* pending text is kept until 8 KiB, then joined into bytes */
		o->extra = num(E, C_FILE_WRITE);
		if (npos > 1) {
			const AVal *s = A(X, arg(in, 1));
			if (s->kind == AK_STR)
				o->extra = sym_add(SY, o->extra, sym_add(SY, num(E, 33), sym_mul(SY, s->len, s->width)));
			else
				o->extra = unk(E);
		}
	} else if (strcmp(m, "close") == 0 || strcmp(m, "flush") == 0) {
		o->val = av_simple(E, AK_NONE);
		o->extra = m[0] == 'f' ? num(E, C_FILE_WRITE) : NULL;
	} else {
		o->val = av_top(E, NULL);
		o->alloc = unk(E);
	}
}

/* csv.writer(f).writerow(row): the row is formatted into one line (each
 * field's text, quotes doubled) in the writer's own buffer, then written. */
static void method_obj(FnCtx *X, Instr *in, const AVal *obj, const char *m, Out *o)
{
	MemEst *E = X->E;
	int npos = in->args.len - in->nkw;
	if (obj->name && strcmp(obj->name, "csv.writer") == 0 &&
	    (strcmp(m, "writerow") == 0 || strcmp(m, "writerows") == 0)) {
		const AVal *row = npos > 1 ? A(X, arg(in, 1)) : av_top(E, NULL);
		const AVal *cells = m[8] == 's' ? av_item(E, ops_iterable(E, row)) : row;
		const Sym *text = sym_add(SY, av_str_len(E, cells, false, 0), sym_scale(SY, av_len(E, cells), 3));
		if (cells->kind == AK_LIST || cells->kind == AK_TUPLE) {
			text = SY->zero;
			if (cells->kind == AK_TUPLE && cells->ntup) {
				for (int i = 0; i < cells->ntup; i++)
					text = sym_add(SY, text, sym_add(SY, sym_scale(SY, av_str_len(E, cells->tup[i], false, 0), 2), num(E, 3)));
			} else {
				text = sym_mul(SY, av_len(E, cells),
				               sym_add(SY, sym_scale(SY, av_str_len(E, av_item(E, cells), false, 0), 2), num(E, 3)));
			}
		}
		/* the line as a str and its bytes, each field's str, and the
		 * file's pending writes */
		o->val = av_int(E, 0, AV_INF, NULL);
		o->alloc = num(E, 32);
		o->extra = sym_add3(SY, sym_scale(SY, text, 4 * 2 + 1), num(E, 256 + C_FILE_WRITE),
		                    av_items(E, cells));
		/* the record buffer, once per writer */
		Instr *w = arg(in, 0);
		fn_add_once(X, in, w, sym_add(SY, num(E, C_CSV_RECORD), sym_scale(SY, text, 4)));
		return;
	}
	o->val = av_top(E, NULL);
	o->alloc = unk(E);
}

static void method_module(FnCtx *X, Instr *in, const AVal *mod, const char *m, Out *o)
{
	MemEst *E = X->E;
	int npos = in->args.len - in->nkw;
	const char *mn = mod->name ? mod->name : "";
	const AVal *a1 = npos > 1 ? A(X, arg(in, 1)) : NULL;
	const AVal *a2 = npos > 2 ? A(X, arg(in, 2)) : NULL;
	if (strcmp(mn, "math") == 0) {
		if (strcmp(m, "floor") == 0 || strcmp(m, "ceil") == 0 || strcmp(m, "trunc") == 0 ||
		    strcmp(m, "factorial") == 0 || strcmp(m, "gcd") == 0 || strcmp(m, "isqrt") == 0 ||
		    strcmp(m, "comb") == 0 || strcmp(m, "perm") == 0) {
			o->val = av_int(E, -AV_INF, AV_INF, NULL);
			o->alloc = strcmp(m, "factorial") == 0 || strcmp(m, "comb") == 0 || strcmp(m, "perm") == 0
			           ? unk(E) : num(E, 36);
		} else if (strncmp(m, "is", 2) == 0) {
			o->val = av_simple(E, AK_BOOL);
		} else {
			o->val = av_simple(E, AK_FLOAT);
			o->alloc = num(E, 24);
		}
		return;
	}
	if (strcmp(mn, "random") == 0) {
		if (strcmp(m, "randint") == 0 || strcmp(m, "randrange") == 0) {
			const AVal *lo = a1 ? a1 : av_int(E, 0, 0, NULL), *hi = a2 ? a2 : a1;
			if (strcmp(m, "randrange") == 0 && !a2) {
				lo = av_int(E, 0, 0, NULL);
				hi = a1;
			}
			if (lo && hi && lo->kind == AK_INT && hi->kind == AK_INT)
				o->val = av_int(E, lo->lo, hi->hi, hi->ub);
			else
				o->val = av_int(E, -AV_INF, AV_INF, NULL);
			o->alloc = num(E, int_alloc(o->val->lo, o->val->hi));
			o->extra = num(E, 96);
		} else if (strcmp(m, "choice") == 0 && a1) {
			o->val = av_item(E, ops_iterable(E, a1));
		} else if (strcmp(m, "shuffle") == 0 || strcmp(m, "seed") == 0) {
			o->val = av_simple(E, AK_NONE);
			o->extra = num(E, 256);
		} else if (strcmp(m, "sample") == 0 && a1) {
			const Sym *k = a2 && a2->kind == AK_INT && a2->hi < AV_INF ? num(E, (uint64_t)(a2->hi > 0 ? a2->hi : 0)) : av_len(E, a1);
			o->val = av_coll(E, AK_LIST, k, av_item(E, ops_iterable(E, a1)), NULL, NULL, NULL, list_shape_exact(E, k));
			o->alloc = list_shape_iter(E, k);
			o->extra = set_shape(E, k);
		} else {
			/* random.random() is in [0, 1) */
			o->val = strcmp(m, "random") == 0 ? av_float(E, 0, 1) : av_simple(E, AK_FLOAT);
			o->alloc = num(E, 24);
			o->extra = num(E, 96);
		}
		return;
	}
	if (strcmp(mn, "csv") == 0 && strcmp(m, "writer") == 0) {
		o->val = av_obj(E, AK_OBJ, "csv.writer", num(E, C_CSV_WRITER + C_CSV_RECORD));
		o->alloc = num(E, C_CSV_WRITER);
		return;
	}
	if (strcmp(mn, "csv") == 0 && strcmp(m, "reader") == 0 && a1) {
		/* rows: the fields of a line, like line.split(',') */
		const AVal *line = av_item(E, a1);
		const Sym *parts = sym_add(SY, line->len, SY->one);
		const Sym *strs = sym_mul(SY, sym_add(SY, sym_scale(SY, sym_div(SY, parts, 3), 49), line->len), line->width);
		AVal *row = (AVal *)av_coll(E, AK_LIST, parts, av_str(E, line->len, line->width), NULL,
		                            line->len, strs, list_shape_iter(E, parts));
		AVal *it = (AVal *)av_iter(E, AK_ITER, av_len(E, a1), row, NULL, FR_ITEM);
		o->val = it;
		o->alloc = num(E, 512);
		return;
	}
	if (strcmp(mn, "sys") == 0 && strcmp(m, "exit") == 0) {
		o->val = av_simple(E, AK_NONE);
		o->extra = num(E, C_EXC);
		return;
	}
	if (strcmp(mn, "os.path") == 0 || strcmp(mn, "os") == 0 || strcmp(mn, "path") == 0) {
		if (strcmp(m, "exists") == 0 || strncmp(m, "is", 2) == 0) {
			o->val = av_simple(E, AK_BOOL);
			o->extra = num(E, 512);
		} else if (strcmp(m, "getsize") == 0) {
			o->val = av_int(E, 0, AV_INF, NULL);
			o->alloc = num(E, 36);
			o->extra = num(E, 512);
		} else {
			/* join, basename, dirname, abspath: at most the arguments'
			 * characters and separators, or the working folder's */
			const Sym *len = num(E, 4096);
			for (int i = 1; i < npos; i++) {
				const AVal *a = A(X, arg(in, i));
				len = sym_add(SY, len, a->kind == AK_STR ? sym_add(SY, a->len, SY->one) : unk(E));
			}
			o->val = av_str(E, len, num(E, 4));
			o->alloc = o->val->graph;
			o->extra = num(E, 1024);
		}
		return;
	}
	o->val = av_top(E, NULL);
	o->alloc = unk(E);
}

static void call_user(FnCtx *X, Instr *in, Function *g, const Instr *mk, int first, Out *o)
{
	int n = in->args.len - first;
	const AVal **args = xmalloc((size_t)(n ? n : 1) * sizeof *args);
	for (int i = 0; i < n; i++) {
		args[i] = A(X, arg(in, first + i));
		if (args[i]->kind == AK_BOT) {
			free(args);
			o->val = av_bot();
			return;
		}
	}
	const char *const *kw = in->kwnames;
	const CallRes *r = fn_call(X, g, mk, args, n - in->nkw, kw, in->nkw);
	free(args);
	o->val = r->ret;
	o->alloc = r->ret_fresh;
	o->extra = r->peak;
	X->calls[in->id] = (CallRes *)r;
}

void ops_call(FnCtx *X, Instr *in, Out *o)
{
	MemEst *E = X->E;
	Instr *callee = arg(in, 0);
	if (in->op == OP_CALL_DIRECT) {
		call_user(X, in, in->imm.fn, NULL, 0, o);
		return;
	}
	if (callee->op == OP_BUILTIN) {
		call_builtin(X, in, callee->imm.name, 1, o);
		return;
	}
	const Function *g = summary_callee(E->T, callee);
	const AVal *cv = A(X, callee);
	if (!g && cv->kind == AK_FUNC && cv->fn)
		g = cv->fn;
	if (g) {
		Instr *mk = callee->op == OP_MAKE_FUNCTION ? callee : NULL;
		call_user(X, in, (Function *)g, mk ? mk : cv->mkfn, 1, o);
		return;
	}
	if (cv->kind == AK_FUNC && cv->name) {
		call_builtin(X, in, cv->name, 1, o);
		return;
	}
	if (cv->kind == AK_BOT) {
		o->val = av_bot();
		return;
	}
	o->val = av_top(E, NULL);
	o->alloc = unk(E);
}

void ops_call_method(FnCtx *X, Instr *in, Out *o)
{
	MemEst *E = X->E;
	const AVal *r = A(X, arg(in, 0));
	const char *m = in->imm.name;
	if (r->kind == AK_BOT) {
		o->val = av_bot();
		return;
	}
	for (int a = 1; a < in->args.len; a++)
		if (A(X, arg(in, a))->kind == AK_BOT) {
			o->val = av_bot();
			return;
		}
	switch (r->kind) {
	case AK_STR: method_str(X, in, r, m, o); return;
	case AK_LIST: case AK_DICT: case AK_SET: case AK_TUPLE: method_coll(X, in, r, m, o); return;
	case AK_FILE: method_file(X, in, r, m, o); return;
	case AK_MODULE: method_module(X, in, r, m, o); return;
	case AK_OBJ: method_obj(X, in, r, m, o); return;
	default:
		o->val = av_top(E, NULL);
		o->alloc = unk(E);
		return;
	}
}

