import { loadAdvice, loadModels } from './services/registry.ts';

// Vitest setup: models and the advisor's rules load asynchronously (lazily in the browser), so tests that build
// a Simulation or run the advisor synchronously use what is loaded here (loadedModels(), loadedAdvice()).
await loadModels();
await loadAdvice();
