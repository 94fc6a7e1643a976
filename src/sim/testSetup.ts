import { loadModels } from './services/registry.ts';

// Vitest setup: models load asynchronously (lazily in the browser), so tests that build a Simulation
// synchronously use the registry loaded here (loadedModels()).
await loadModels();
