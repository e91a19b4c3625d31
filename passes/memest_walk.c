/* memest_walk.c: where the bytes one function's instructions make are
 * alive, for the memory estimator.
 *
 * Every instruction that makes objects keeps them with an owner, the value
 * whose lifetime they share: itself, or the container they were stored in.
 * The owner's lifetime decides when they are freed: a temporary after its
 * last use, a variable when rebound (the next iteration) or at the end of
 * the function, a container as long as it lives.
 *
 * Loops are walked inner first. Within an iteration, a dynamic programme
 * over the loop body (branches take the larger) finds the peak; what
 * outlives the iteration into an owner made outside the loop accumulates,
 * summed over the items (sym_sum_over). The function body is walked the
 * same way, statement by statement. */
#include "passes/memest.h"

#include <stdlib.h>

#define SY (&E->S)

enum { OC_TEMP, OC_NAMED, OC_RET, OC_EXT };

/* ---- owners and lifetimes ---- */

typedef struct Own {
	Instr *owner;           /* NULL: external */
	int oclass;             /* OC_* */
	int level;              /* loop of the owner's making, -1 function, -2 external */
	Instr *lastuse;         /* OC_TEMP: its last use in its block; NULL: another block */
	Instr *via;             /* the instruction that stored it into its owner, or NULL */
} Own;

bool fn_external(const Instr *v)
{
	switch (v->op) {
	case OP_PARAM: case OP_LOAD_GLOBAL: case OP_CELL_LOAD: case OP_CUR_EXC: case OP_GETATTR:
	case OP_IMPORT: case OP_BUILTIN:
		return true;
	default:
		return false;
	}
}

/* Where the values that keep `v` alive are used: its own uses, and those
 * of iterators and views made from it. Returns false if some use is not
 * in `b` (then *last is unset); else *last is the latest one in b. */
static bool uses_in_block(FnCtx *X, Instr *v, Block *b, Instr **last, int depth)
{
	FnInfo *I = X->I;
	if (depth > 8)
		return false;
	for (int u = I->use_start[v->id]; u < I->use_start[v->id + 1]; u++) {
		Instr *user = I->uses[u];
		if (user->block != b || user->op == OP_PHI)
			return false;
		for (int a = 0; a < user->args.len; a++) {
			if (ir_resolve(user->args.items[a]) != v || !ops_keeps_alive(user, a))
				continue;
			if (user->id > 0 && !uses_in_block(X, user, b, last, depth + 1))
				return false;
		}
		/* later in the block than what we have? */
		if (!*last) {
			*last = user;
			continue;
		}
		for (int k = 0; k < b->instrs.len; k++) {
			if (b->instrs.items[k] == *last)
				break;
			if (b->instrs.items[k] == user) {
				user = *last;
				break;
			}
		}
		*last = user;
	}
	return true;
}

/* Which values are held by a variable or returned, themselves or through
 * a value that keeps them alive (an alias, an iterator, an item taken out
 * of them): propagated backwards from the holders, once per context. */
typedef struct Reach { bool *named, *ret; } Reach;

static void fill_reach(FnCtx *X, Reach *r)
{
	FnInfo *I = X->I;
	int nv = I->f->nvalues + 1;
	r->named = xcalloc((size_t)nv, sizeof *r->named);
	r->ret = xcalloc((size_t)nv, sizeof *r->ret);
	int *work = xmalloc((size_t)nv * 2 * sizeof *work);
	int nw = 0;
	for (int v = 1; v < nv; v++) {
		if (!I->def[v])
			continue;
		if (I->named[v]) {
			r->named[v] = true;
			work[nw++] = v;
		}
		for (int u = I->use_start[v]; u < I->use_start[v + 1]; u++)
			if (I->uses[u]->op == OP_RET || I->uses[u]->op == OP_YIELD)
				r->ret[v] = true;
		if (r->ret[v])
			work[nw++] = -v;
	}
	/* a value is held if a value that keeps it alive is */
	while (nw) {
		int x = work[--nw];
		bool *set = x > 0 ? r->named : r->ret;
		Instr *u = I->def[x > 0 ? x : -x];
		for (int a = 0; a < u->args.len; a++) {
			Instr *v = ir_resolve(u->args.items[a]);
			if (!v || v->id <= 0 || v->id >= nv || set[v->id] || !ops_keeps_alive(u, a))
				continue;
			set[v->id] = true;
			work[nw++] = x > 0 ? v->id : -v->id;
		}
	}
	free(work);
}

static Own owner_of(FnCtx *X, const Reach *R, Instr *v, int depth)
{
	FnInfo *I = X->I;
	Own o = {v, OC_TEMP, -1, NULL, NULL};
	if (depth > 16 || !v || v->id <= 0)
		return (Own){NULL, OC_EXT, -2, NULL, NULL};
	if (fn_external(v))
		return (Own){NULL, OC_EXT, -2, NULL, NULL};
	/* stored into a container: it lives as long as that one */
	for (int u = I->use_start[v->id]; u < I->use_start[v->id + 1]; u++) {
		Instr *user = I->uses[u];
		for (int a = 0; a < user->args.len; a++) {
			if (ir_resolve(user->args.items[a]) != v)
				continue;
			bool escapes = false;
			Instr *into = ops_stored_into(X, user, a, &escapes);
			if (escapes)
				return (Own){NULL, OC_EXT, -2, NULL, NULL};
			if (into && into != v) {
				Own top = owner_of(X, R, fn_top_container(into), depth + 1);
				top.via = user;
				return top;
			}
		}
	}
	o.level = I->bloop[v->block->id];
	if (R->ret[v->id])
		o.oclass = OC_RET;
	else if (R->named[v->id])
		o.oclass = OC_NAMED;
	else if (!uses_in_block(X, v, v->block, &o.lastuse, 0))
		o.lastuse = NULL; /* a temporary until the iteration or statement ends */
	return o;
}

/* Whether v is stored into a container by one instruction only. */
static bool stored_once(FnCtx *X, Instr *v)
{
	FnInfo *I = X->I;
	int stores = 0;
	for (int u = I->use_start[v->id]; u < I->use_start[v->id + 1]; u++) {
		Instr *user = I->uses[u];
		for (int a = 0; a < user->args.len; a++) {
			bool esc = false;
			if (ir_resolve(user->args.items[a]) == v &&
			    (ops_stored_into(X, user, a, &esc) || esc))
				stores++;
		}
	}
	return stores == 1;
}

/* An object a dict or set insert keeps: the table keeps the first key
 * object of each distinct key and one value per key (a new one replaces
 * the old, freed when nothing else holds it), so over the loops at most
 * the distinct keys' count of them. NULL: no such bound. */
static const Sym *distinct_keys(FnCtx *X, Instr *v, const Own *o)
{
	Instr *via = o->via;
	if (!via || !via->args.len || !stored_once(X, v))
		return NULL;
	Instr *recv = ir_resolve(via->args.items[0]);
	Growth g;
	memset(&g, 0, sizeof g);
	if (!recv || recv->id <= 0 || !ops_growth(X, via, recv, &g) || g.replace || g.unknown ||
	    !g.item)
		return NULL;
	AKind k = fn_get(X, recv)->kind;
	return k == AK_DICT || k == AK_SET ? av_distinct(X->E, g.item) : NULL;
}

/* ---- the walk ---- */

/* What accumulates into one owner across a loop: `sum` per execution of
 * the loop's body, summed when the loop is done; `once` in total per
 * object of the receiver (a container's growth), which becomes per
 * execution in the region where the receiver is made (rlevel). */
typedef struct Acc { Instr *owner; int rlevel; const Sym *sum, *once; } Acc;
typedef struct AccVec { Acc *items; int len, cap; } AccVec;

static void acc_add(MemEst *E, AccVec *v, Instr *owner, int rlevel, const Sym *s, bool once)
{
	if (sym_is_zero(s))
		return;
	for (int i = 0; i < v->len; i++)
		if (v->items[i].owner == owner && v->items[i].rlevel == rlevel) {
			if (once)
				v->items[i].once = sym_add(SY, v->items[i].once, s);
			else
				v->items[i].sum = sym_add(SY, v->items[i].sum, s);
			return;
		}
	if (v->len == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 4;
		v->items = xrealloc(v->items, (size_t)v->cap * sizeof *v->items);
	}
	v->items[v->len++] = (Acc){owner, rlevel, once ? SY->zero : s, once ? s : SY->zero};
}

typedef struct LoopRes {
	const Sym *iter_peak;   /* one iteration's peak, no item */
	const Sym *left;        /* the variables the last iteration leaves */
	AccVec acc;             /* per owner made outside: what accumulated */
} LoopRes;

typedef struct Walk {
	FnCtx *X;
	Own *own;               /* by value id */
	LoopRes *lr;
	/* function level */
	const Sym **speak, **slive;
	const Sym *ret_fresh, *escaped;
} Walk;

/* A phi stored into a container: the container keeps the object the phi
 * holds at that moment, which the instructions feeding the phi made. The
 * bytes of each of those are owned by its variable (freed when it is
 * rebound: `n += 1` in a loop), not by the container, so the store itself
 * keeps one of them: the largest. Inputs stored elsewhere already belong
 * to their container; objects made before the call cost nothing. */
static const Sym *phi_fresh(Walk *W, Instr *phi)
{
	FnCtx *X = W->X;
	MemEst *E = X->E;
	Instr *seen[64], *work[64];
	int nseen = 0, nwork = 0;
	const Sym *r = SY->zero;
	seen[nseen++] = phi;
	work[nwork++] = phi;
	while (nwork) {
		Instr *p = work[--nwork];
		for (int a = 0; a < p->args.len; a++) {
			Instr *x = ir_resolve(p->args.items[a]);
			if (!x || x->id <= 0)
				continue;
			bool dup = false;
			for (int i = 0; i < nseen && !dup; i++)
				dup = seen[i] == x;
			if (dup)
				continue;
			if (nseen == 64)
				return sym_no_items(SY, ops_fresh_bytes(E, fn_get(X, phi)));
			seen[nseen++] = x;
			if (x->op == OP_PHI) {
				work[nwork++] = x;
				continue;
			}
			if (X->alloc[x->id] && W->own[x->id].owner == x)
				r = sym_max(SY, r, sym_no_items(SY, X->alloc[x->id]));
		}
	}
	return r;
}

typedef struct State {
	int stmt;
	const Sym *keep;        /* alive to the end (of the iteration, statement or function) */
	const Sym *stmp;        /* function level: alive to the end of the statement */
	const Sym *peak;
	bool set;
} State;

static State state_join(MemEst *E, State a, State b)
{
	if (!a.set)
		return b;
	if (!b.set)
		return a;
	State r = a;
	r.keep = sym_max(SY, a.keep, b.keep);
	r.stmp = sym_max(SY, a.stmp, b.stmp);
	r.peak = sym_max(SY, a.peak, b.peak);
	return r;
}

typedef struct Temp { Instr *lastuse; const Sym *bytes; } Temp;

/* A record's bytes, seen from the region being walked. */
typedef struct Piece {
	Instr *owner;
	const Own *own;
	const Sym *amount;
	bool once;
	int rlevel;
} Piece;

static bool owner_inside(Walk *W, const Own *o, int region)
{
	if (o->oclass == OC_EXT || o->level == -2)
		return false;
	return fn_loop_within(W->X->I, o->level, region) && !(region >= 0 && o->level < 0);
}

static void finalize(Walk *W, State *s)
{
	MemEst *E = W->X->E;
	if (!s->set || s->stmt < 0 || s->stmt >= W->X->I->f->nstmts)
		return;
	W->speak[s->stmt] = sym_max(SY, W->speak[s->stmt], s->peak);
	W->slive[s->stmt] = sym_max(SY, W->slive[s->stmt], s->keep);
}

/* Whether comprehension loop l starts a comprehension of its own (a
 * function in 3.11) rather than being a further `for` clause of its
 * parent's: it fills a list, set or dict made inside the parent loop. */
static bool comp_start(FnCtx *X, int l)
{
	FnInfo *I = X->I;
	int p = I->loops[l].parent;
	if (!I->loops[l].comp)
		return false;
	if (p < 0 || !I->loops[p].comp)
		return true;
	for (int i = 0; i < I->nrpo; i++) {
		Block *b = I->rpo[i];
		if (!fn_loop_within(I, I->bloop[b->id], l))
			continue;
		for (int k = 0; k < b->instrs.len; k++) {
			Instr *in = b->instrs.items[k];
			if (!fn_live(in) || (in->op != OP_LIST_APPEND && in->op != OP_SET_ADD &&
			                     in->op != OP_DICT_PUT))
				continue;
			Instr *acc = arg(in, 0);
			if (acc && acc->block && fn_loop_within(I, I->bloop[acc->block->id], p) &&
			    !fn_loop_within(I, I->bloop[acc->block->id], l))
				return true;
		}
	}
	return false;
}

/* What running a comprehension costs in 3.11, where it is a function of
 * its own: the function object and a cell for each local of the enclosing
 * function it reads and their tuple (the module's names are globals; a
 * comprehension inside another reads the outer one's locals as cells). */
static uint64_t comp_bytes(FnCtx *X, int l)
{
	FnInfo *I = X->I;
	uint64_t bytes = (uint64_t)memest_func_bytes;
	int outer = I->loops[l].parent;
	while (outer >= 0 && !comp_start(X, outer))
		outer = I->loops[outer].parent;
	if (I->f->is_module && outer < 0)
		return bytes;
	int free = 0;
	Instr *seen[32];
	for (int i = 0; i < I->nrpo; i++) {
		Block *b = I->rpo[i];
		if (!fn_loop_within(I, I->bloop[b->id], l))
			continue;
		for (int k = 0; k < b->instrs.len; k++) {
			Instr *in = b->instrs.items[k];
			for (int a = 0; fn_live(in) && a < in->args.len; a++) {
				Instr *v = ir_resolve(in->args.items[a]);
				if (!v || !v->block || !fn_python_name(v->name) || v->op == OP_LOAD_GLOBAL ||
				    v->op == OP_BUILTIN || v->op == OP_CONST ||
				    fn_loop_within(I, I->bloop[v->block->id], l))
					continue;
				/* in the module, only the enclosing comprehensions' names */
				if (I->f->is_module && !fn_loop_within(I, I->bloop[v->block->id], outer))
					continue;
				bool dup = false;
				for (int j = 0; j < free && j < 32; j++)
					dup |= seen[j] == v;
				if (!dup && free < 32)
					seen[free++] = v;
			}
		}
	}
	if (free)
		bytes += pysize_tuple((uint64_t)free) + 48 * (uint64_t)free;
	return bytes;
}

/* Walks region (a loop, or the function when < 0). */
static void walk_region(Walk *W, int region)
{
	FnCtx *X = W->X;
	MemEst *E = X->E;
	FnInfo *I = X->I;
	bool fnlevel = region < 0;
	State *out = xcalloc((size_t)I->nbid, sizeof *out);
	State *lout = xcalloc((size_t)(I->nloops ? I->nloops : 1), sizeof *lout);
	LoopRes *me = fnlevel ? NULL : &W->lr[region];
	const Sym *named = SY->zero;    /* one iteration's variables */
	const Sym *iter_peak = SY->zero;
	const Sym *prev = SY->zero;
	MemAtom *item = fnlevel ? NULL : fn_item(X, region);
	if (!fnlevel) {
		/* the previous iteration's variables live until rebound: a first
		 * pass finds them */
		for (int i = I->region_start[region + 1]; i < I->region_start[region + 2]; i++) {
			Block *b = I->block[I->region_nodes[i]];
			if (I->bloop[b->id] != region)
				continue;
			for (int k = 0; k < b->instrs.len; k++) {
				Instr *in = b->instrs.items[k];
				if (!fn_live(in) || in->id <= 0 || !X->alloc[in->id] ||
				    (X->taken[in->id] && W->own[in->id].owner == in))
					continue;
				const Own *o = &W->own[in->id];
				if ((o->oclass == OC_NAMED || o->oclass == OC_RET) && o->level == region)
					named = sym_add(SY, named, X->alloc[in->id]);
			}
		}
		for (int i = I->region_start[region + 1]; i < I->region_start[region + 2]; i++) {
			int l = I->bloop[I->region_nodes[i]];
			if (l == region || l < 0 || I->loops[l].header->id != I->region_nodes[i])
				continue;
			named = sym_add(SY, named, W->lr[l].left);
			for (int a = 0; a < W->lr[l].acc.len; a++) {
				Acc *ac = &W->lr[l].acc.items[a];
				const Own *o = ac->owner ? &W->own[ac->owner->id] : NULL;
				if (o && owner_inside(W, o, region) && o->level == region &&
				    o->oclass != OC_TEMP)
					named = sym_add3(SY, named, ac->sum, ac->once);
			}
		}
		prev = sym_max_over(SY, named, item);
	}
	for (int i = I->region_start[region + 1]; i < I->region_start[region + 2]; i++) {
		Block *b = I->block[I->region_nodes[i]];
		int bl = I->bloop[b->id];
		bool direct = bl == region;
		int child = direct ? -1 : bl; /* an inner loop: its header stands for it */
		/* the state coming in */
		State st = {0};
		bool is_head = !fnlevel && b == I->loops[region].header;
		if (is_head || (fnlevel && b == I->rpo[0])) {
			st = (State){fnlevel ? 0 : -1, prev, SY->zero, prev, true};
			if (fnlevel && b->instrs.len)
				st.stmt = b->instrs.items[0]->stmt;
		}
		for (int p = 0; p < I->npreds[b->id] && !is_head; p++) {
			int pb = I->preds[b->id][p];
			int pl = I->bloop[pb];
			State s = {0};
			if (pl == region)
				s = out[pb];
			else if (fn_loop_within(I, pl, region) && !(region >= 0 && pl < 0)) {
				int c = fn_child_of(I, region, pl);
				if (c >= 0 && c != child)
					s = lout[c];
			}
			if (!s.set)
				continue;
			if (st.set && fnlevel && s.stmt != st.stmt) {
				/* paths from different statements: the earlier one ended */
				if (s.stmt < st.stmt) {
					finalize(W, &s);
					continue;
				}
				finalize(W, &st);
				st = s;
				continue;
			}
			st = state_join(E, st, s);
		}
		if (!st.set)
			st = (State){-1, SY->zero, SY->zero, SY->zero, true};
		if (!direct) {
			/* an inner loop, as one event */
			LoopRes *cr = &W->lr[child];
			int cst = I->loops[child].stmt;
			if (fnlevel && cst != st.stmt) {
				finalize(W, &st);
				st = (State){cst, SY->zero, SY->zero, SY->zero, true};
			}
			const Sym *mine = SY->zero;  /* accumulated into owners of this region */
			const Sym *mtmp = SY->zero;  /* the same, owned by statement temporaries */
			for (int a = 0; a < cr->acc.len; a++) {
				Acc *ac = &cr->acc.items[a];
				const Own *o = ac->owner ? &W->own[ac->owner->id] : NULL;
				const Sym *per = ac->sum, *once = ac->once;
				if (!sym_is_zero(once) && fn_loop_within(I, ac->rlevel, region)) {
					/* the receivers are made here: per execution now */
					per = sym_add(SY, per, once);
					once = SY->zero;
				}
				const Sym *tot = sym_add(SY, per, once);
				if (o && owner_inside(W, o, region)) {
					if (fnlevel && o->oclass == OC_RET)
						W->ret_fresh = sym_add(SY, W->ret_fresh, tot);
					if (fnlevel && o->oclass == OC_TEMP)
						mtmp = sym_add(SY, mtmp, tot);
					else
						mine = sym_add(SY, mine, tot);
				} else if (!fnlevel) {
					acc_add(E, &me->acc, ac->owner, ac->rlevel, per, false);
					acc_add(E, &me->acc, ac->owner, ac->rlevel, once, true);
				} else {
					/* external owners at the function level: escaped */
					W->escaped = sym_add(SY, W->escaped, tot);
					mine = sym_add(SY, mine, tot);
				}
			}
			const Sym *cur = sym_add(SY, st.keep, st.stmp);
			st.peak = sym_max(SY, st.peak, sym_add3(SY, cur, cr->iter_peak, sym_add(SY, mine, mtmp)));
			st.keep = sym_add3(SY, st.keep, cr->left, mine);
			st.stmp = sym_add(SY, st.stmp, mtmp);
			lout[child] = st;
			iter_peak = sym_max(SY, iter_peak, st.peak);
			continue;
		}
		/* the block's instructions */
		Temp temps[64];
		int ntemps = 0;
		const Sym *tsum = SY->zero;  /* the live temporaries */
		for (int k = 0; k < b->instrs.len; k++) {
			Instr *in = b->instrs.items[k];
			if (!fn_live(in))
				continue;
			if (fnlevel && in->stmt != st.stmt && in->stmt >= 0) {
				finalize(W, &st);
				st = (State){in->stmt, SY->zero, SY->zero, SY->zero, true};
				ntemps = 0;
				tsum = SY->zero;
			}
			Piece pieces[6];
			int np = 0;
			/* an item taken out costs nothing while its container holds
			 * it (or keeps it alive): only what is put elsewhere */
			bool kept_elsewhere = in->id > 0 && (!X->taken[in->id] ||
			                                     W->own[in->id].owner != in);
			if (in->id > 0 && X->alloc[in->id] && !sym_is_zero(X->alloc[in->id]) &&
			    kept_elsewhere)
				pieces[np++] = (Piece){W->own[in->id].owner, &W->own[in->id],
				                       X->alloc[in->id], false, -1};
			for (int r = 0; r < X->nonce && np < 4; r++) {
				if (X->once[r].site != in)
					continue;
				Instr *recv = X->once[r].owner;
				Own tmpo = {NULL, OC_EXT, -2, NULL, NULL};
				const Own *o = recv && recv->id > 0 ? &W->own[recv->id] : &tmpo;
				int rl = recv && recv->id > 0 ? fn_class_region(X, I->cls[recv->id]) : -1;
				/* in the region that makes the receiver it is per execution */
				bool once = !fn_loop_within(I, rl, region);
				pieces[np++] = (Piece){o->owner, o, X->once[r].amount, once, rl};
			}
			/* a phi stored: one object it may hold (phi_fresh), into the
			 * instruction's receiver, or escaping */
			Own phio[2];
			const Sym *pin = SY->zero, *pesc = SY->zero;
			Instr *pinto = NULL;
			for (int a = 0; a < in->args.len; a++) {
				Instr *v = ir_resolve(in->args.items[a]);
				bool esc = false;
				Instr *into = v && v->op == OP_PHI && v->id > 0 ? ops_stored_into(X, in, a, &esc)
				                                                : NULL;
				if (!into && !esc)
					continue;
				const Sym *amt = phi_fresh(W, v);
				if (esc) {
					pesc = sym_add(SY, pesc, amt);
				} else {
					pin = sym_add(SY, pin, amt);
					pinto = into;
				}
			}
			if (!sym_is_zero(pin)) {
				phio[0] = W->own[fn_top_container(pinto)->id];
				phio[0].via = NULL;
				pieces[np++] = (Piece){phio[0].owner, &phio[0], pin, false, -1};
			}
			if (!sym_is_zero(pesc)) {
				phio[1] = (Own){NULL, OC_EXT, -2, NULL, NULL};
				pieces[np++] = (Piece){NULL, &phio[1], pesc, false, -1};
			}
			const Sym *cur = sym_add3(SY, st.keep, st.stmp, tsum);
			/* made and freed inside the instruction: a builtin's buffers
			 * beside the result it builds, or a callee's peak (which
			 * holds its result) */
			if (in->id > 0 && X->extra[in->id]) {
				const Sym *e = X->extra[in->id];
				if (!X->calls[in->id] && X->alloc[in->id])
					e = sym_add(SY, e, X->alloc[in->id]);
				st.peak = sym_max(SY, st.peak, sym_add(SY, cur, e));
			}
			if (in->id > 0 && X->calls[in->id] && X->calls[in->id]->escaped &&
			    !sym_is_zero(X->calls[in->id]->escaped)) {
				const Sym *e = X->calls[in->id]->escaped;
				if (fnlevel) {
					W->escaped = sym_add(SY, W->escaped, e);
					st.keep = sym_add(SY, st.keep, e);
				} else {
					acc_add(E, &me->acc, NULL, -1, e, false);
				}
			}
			for (int p = 0; p < np; p++) {
				const Own *o = pieces[p].own;
				const Sym *amt = pieces[p].amount;
				if (!owner_inside(W, o, region) && !fnlevel && p == 0 && o->owner) {
					const Sym *keys = distinct_keys(X, in, o);
					int rl = fn_class_region(X, I->cls[o->owner->id]);
					const Sym *times = fn_over_loops(X, region, rl, SY->one);
					if (keys && sym_min_now(SY, times, keys) == keys) {
						acc_add(E, &me->acc, o->owner, rl,
						        sym_mul(SY, keys, sym_no_items(SY, amt)), true);
						continue;
					}
				}
				if (!owner_inside(W, o, region)) {
					if (fnlevel) {
						W->escaped = sym_add(SY, W->escaped, amt);
						st.keep = sym_add(SY, st.keep, amt);
					} else {
						acc_add(E, &me->acc, pieces[p].owner, pieces[p].rlevel, amt,
						        pieces[p].once);
					}
					continue;
				}
				if (o->level != region) {
					/* made for an owner in an inner loop: cannot happen
					 * outside it; count it as this region's variable */
					st.keep = sym_add(SY, st.keep, amt);
					continue;
				}
				if (o->oclass == OC_TEMP && o->lastuse && ntemps < 64) {
					temps[ntemps++] = (Temp){o->lastuse, amt};
					tsum = sym_add(SY, tsum, amt);
				} else if (o->oclass == OC_TEMP && fnlevel) {
					st.stmp = sym_add(SY, st.stmp, amt);
				} else {
					st.keep = sym_add(SY, st.keep, amt);
					if (fnlevel && o->oclass == OC_RET)
						W->ret_fresh = sym_add(SY, W->ret_fresh, amt);
				}
			}
			cur = sym_add3(SY, st.keep, st.stmp, tsum);
			st.peak = sym_max(SY, st.peak, cur);
			/* temporaries whose last use this was */
			for (int t = 0; t < ntemps;) {
				if (temps[t].lastuse == in) {
					temps[t] = temps[--ntemps];
					tsum = SY->zero;
					for (int u = 0; u < ntemps; u++)
						tsum = sym_add(SY, tsum, temps[u].bytes);
				} else {
					t++;
				}
			}
		}
		/* temporaries still alive at the end of the block (used by its
		 * terminator) are gone with it */
		out[b->id] = st;
		iter_peak = sym_max(SY, iter_peak, st.peak);
		if (fnlevel) {
			Block *sc[4];
			bool leaves = fn_nsucc(b, sc) == 0;
			if (leaves)
				finalize(W, &st);
		}
	}
	if (!fnlevel) {
		const Sym *per = iter_peak;
		if (comp_start(X, region))
			per = sym_add(SY, per, sym_num(SY, comp_bytes(X, region)));
		me->iter_peak = sym_max_over(SY, per, item);
		me->left = sym_max_over(SY, named, item);
		/* accumulated: summed over the items, except totals */
		for (int a = 0; a < me->acc.len; a++)
			me->acc.items[a].sum = sym_sum_over(SY, me->acc.items[a].sum, item,
			                                    X->trips[region]);
	} else {
		/* every block's state counts for its statement: a peak is the
		 * largest anywhere, and what is kept only grows along a path.
		 * (An exception handler's edges can make a cycle that reverse
		 * post-order walks against, so joins may miss it.) */
		for (int i = 0; i < I->nrpo; i++) {
			Block *b = I->rpo[i];
			if (I->bloop[b->id] == -1 && out[b->id].set)
				finalize(W, &out[b->id]);
		}
		for (int l = 0; l < I->nloops; l++)
			if (I->loops[l].parent == -1 && lout[l].set)
				finalize(W, &lout[l]);
	}
	free(out);
	free(lout);
}

/* Per context: values (memest_fn.c), then owners, then the walk. */
void fn_analyze(FnCtx *X)
{
	MemEst *E = X->E;
	FnInfo *I = X->I;
	Function *f = I->f;
	int nv = f->nvalues + 1;
	fn_values(X);

	/* owners */
	Walk W = {X, NULL, NULL, NULL, NULL, SY->zero, SY->zero};
	W.own = xcalloc((size_t)nv, sizeof *W.own);
	Reach R;
	fill_reach(X, &R);
	for (int v = 1; v < nv; v++)
		if (I->def[v])
			W.own[v] = owner_of(X, &R, I->def[v], 0);
	W.lr = xcalloc((size_t)(I->nloops ? I->nloops : 1), sizeof *W.lr);
	int ns = f->nstmts > 0 ? f->nstmts : 1;
	W.speak = arena_alloc(&E->arena, (size_t)ns * sizeof *W.speak);
	W.slive = arena_alloc(&E->arena, (size_t)ns * sizeof *W.slive);
	for (int s = 0; s < ns; s++)
		W.speak[s] = W.slive[s] = SY->zero;
	for (int i = 0; i < I->nloops; i++)
		walk_region(&W, I->loop_order[i]);
	walk_region(&W, -1);

	/* the call: its peak is the largest of what the statements before
	 * left plus a statement's own peak */
	const Sym *before = SY->zero, *peak = SY->zero;
	for (int s = 0; s < f->nstmts; s++) {
		W.speak[s] = sym_no_items(SY, W.speak[s]);
		W.slive[s] = sym_no_items(SY, W.slive[s]);
		peak = sym_max(SY, peak, sym_add(SY, before, W.speak[s]));
		before = sym_add(SY, before, W.slive[s]);
	}
	/* what a caller must know: which parameters' objects this grows, and
	 * which it keeps where they outlive the call */
	for (int i = 0; i < I->nrpo; i++) {
		Block *b = I->rpo[i];
		for (int k = 0; k < b->instrs.len; k++) {
			Instr *in = b->instrs.items[k];
			if (!fn_live(in))
				continue;
			for (int a = 0; a < in->args.len; a++) {
				Instr *r = ir_resolve(in->args.items[a]);
				if (!r || r->id <= 0 || r->id >= nv)
					continue;
				Growth g;
				memset(&g, 0, sizeof g);
				if (ops_growth(X, in, r, &g)) {
					Instr *top = fn_top_container(r);
					if (top->op == OP_PARAM && top->imm.index < 62)
						X->res.mutates |= 1ull << top->imm.index;
					else if (fn_external(top))
						X->res.mutates_unknown = true;
				}
				bool esc = false;
				Instr *into = ops_stored_into(X, in, a, &esc);
				/* a parameter stored into something not made here */
				Instr *src = r;
				while (src->op == OP_PHI && src->args.len)
					src = ir_resolve(src->args.items[0]);
				if (src->op != OP_PARAM || src->imm.index >= 62)
					continue;
				if (esc || (into && W.own[fn_top_container(into)->id].oclass == OC_EXT) ||
				    (into && R.ret[fn_top_container(into)->id]))
					X->res.escapes |= 1ull << src->imm.index;
				if (in->op == OP_RET || in->op == OP_YIELD)
					X->res.escapes |= 1ull << src->imm.index;
			}
		}
	}
	free(R.named);
	free(R.ret);
	X->stmt_peak = W.speak;
	X->stmt_live = W.slive;
	X->res.ret = X->ret->kind == AK_BOT ? av_simple(E, AK_NONE) : X->ret;
	X->res.ret_fresh = sym_no_items(SY, W.ret_fresh);
	X->res.escaped = sym_no_items(SY, W.escaped);
	/* a function's first call also makes 32 bytes that stay (3.11) */
	X->res.peak = sym_add(SY, sym_no_items(SY, peak), sym_num(SY, I->f->is_module ? 0 : 32));
	for (int l = 0; l < I->nloops; l++)
		free(W.lr[l].acc.items);
	free(W.lr);
	free(W.own);
}

