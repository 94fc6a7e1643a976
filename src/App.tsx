export function App() {
  return (
    <main className="flex h-full items-center justify-center font-sans text-slate-700">
      Serverless Playground
    </main>
  );
}
