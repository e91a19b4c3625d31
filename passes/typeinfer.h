/* typeinfer.h: what typeinfer.c (the solver) and typeinfer_rules.c (what
 * each instruction means) share. Not used outside the pass.
 *
 * Every SSA value of the module is a node; so is each function's return
 * (the join of what it returns) and each "contents" node: elem (items of
 * a list, set, tuple or iterator, values of a dict) and key (keys of a
 * dict) of the objects a node may name. A node's kind is the join of its
 * sources' kinds; contents are shared by unification (Steensgaard): when
 * a value may become another (a phi, an argument and its parameter, an
 * item read out of a list), their contents nodes become one, so a store
 * through any alias widens every alias. A node marked top may be
 * anything, and so may everything inside it: what unknown code can
 * reach. */
#ifndef SURGE_TYPEINFER_H
#define SURGE_TYPEINFER_H

#include "passes/passes.h"

/* Kinds: TypeKind, plus bottom (no value yet: optimistic) and a dict
 * view (d.items(), iterated like a container, typed object). */
enum { TK_BOTTOM = -1, TK_VIEW = TY_EXC + 1 };

enum { TI_ELEM, TI_KEY };

DEFINE_VEC(IntVec, int, intvec_push)

typedef struct TiNode {
	int parent;             /* union-find */
	int child[2];           /* TI_ELEM, TI_KEY node (roots only), -1: none */
	bool top;
	signed char kind;       /* the current join (roots) */
	signed char extra;      /* a kind joined in without a source value */
	/* Sources: a node id, or -(n + 1) for "the items of the value
	 * whose node is n" (the kind iterating it gives). */
	IntVec srcs;
} TiNode;

/* What a user function's callers are. */
typedef struct TiFunc {
	bool known;             /* every call site is seen: parameters join args */
	Instr **params;         /* [nparams + free vars], from the entry block */
	int nparam_instrs;
	Instr *made;            /* its make_function, if one */
} TiFunc;

typedef struct TiGlobal {
	const char *name;
	IntVec stores;          /* global ids of the values stored */
	bool callee_only;       /* every load_global of it is only called */
} TiGlobal;

typedef struct TI {
	IRModule *m;
	Arena *arena;           /* the module's: vectors of nodes live there */
	int *off;               /* [nfunctions]: global id = off[f] + instr id */
	int nvals;              /* value nodes: [0, nvals); returns follow */
	Instr **val;            /* [nvals] */
	signed char *own;       /* [nvals]: the kind the instruction's rule gives */
	TiNode *nodes;
	int nnodes, capnodes;
	TiFunc *fns;            /* [nfunctions] */
	TiGlobal *globals;
	int nglobals;
	unsigned char *fired;   /* per instruction visit: constraints added */
	int nfired, capfired;
	bool changed;
} TI;

/* ---- typeinfer.c: the nodes ---- */
int ti_kjoin(int a, int b);
int ti_find(TI *T, int n);
int ti_node_of(TI *T, const Instr *v);
int ti_kind(TI *T, const Instr *v);
int ti_ret_node(TI *T, const Function *f);
/* The contents node `which` of the objects node n names (made on demand). */
int ti_child(TI *T, int n, int which);
int ti_elem(TI *T, const Instr *v);
/* The kind of the contents, without making the node. */
int ti_child_kind(TI *T, const Instr *v, int which);
/* The kind iterating v gives. */
int ti_items_kind(TI *T, const Instr *v);
/* a may be what b is: a's kind joins b's, their contents are one. */
void ti_flow(TI *T, int a, int b);
/* a may be an item of v. */
void ti_flow_items(TI *T, int a, const Instr *v);
/* a and b share their contents (no kind flows). */
void ti_alias(TI *T, int a, int b);
void ti_extra(TI *T, int n, int kind);
/* n may be anything. */
void ti_set_top(TI *T, int n);
/* Unknown code may change what n's objects hold. */
void ti_escape(TI *T, int n);
const TiGlobal *ti_global(TI *T, const char *name);
/* The user function a callee value is, when it is statically known. */
Function *ti_callee(TI *T, Instr *callee);

/* ---- typeinfer_rules.c ---- */
/* Adds what instruction `in` says (the `fired` bits of this visit hold
 * what was added before) and returns the kind of its value (TK_BOTTOM
 * for none). */
int ti_rule(TI *T, Instr *in, unsigned char *fired);

#endif
