import { CreateBoardForm } from '@/components/board/create-board-form';

const STEPS = [
  {
    title: 'Post a shell',
    text: 'A title and why it matters: who benefits, which number moves. Nothing more yet.',
  },
  {
    title: 'Shape it together',
    text: 'The team asks questions, suggests criteria and flags risks, live, in the room or from home.',
  },
  {
    title: 'Formalise last',
    text: 'Once the conversation has settled, the story is written up, with the discussion still attached.',
  },
];

export default function Home() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-medium text-indigo-600 dark:text-indigo-400">Shellboard</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
        Refine the backlog by talking, not by writing specs alone.
      </h1>
      <p className="mt-4 max-w-2xl text-base leading-7 text-pretty text-secondary">
        The product owner posts the <em>shell</em> of each story. The whole team shapes it in one live board,
        so the understanding is shared before anything is formalised.
      </p>

      <div className="mt-10 rounded-2xl border border-line bg-surface p-6 shadow-sm">
        <CreateBoardForm />
        <p className="mt-3 text-xs text-muted">
          You get three links: one for you as owner, one for the team, and a read-only one for observers.
        </p>
      </div>

      <ol className="mt-12 grid gap-6 sm:grid-cols-3">
        {STEPS.map((s, i) => (
          <li key={s.title}>
            <p className="text-xs font-medium text-muted tabular-nums">0{i + 1}</p>
            <h2 className="mt-1 text-sm font-semibold">{s.title}</h2>
            <p className="mt-1 text-sm leading-6 text-secondary">{s.text}</p>
          </li>
        ))}
      </ol>
    </main>
  );
}
