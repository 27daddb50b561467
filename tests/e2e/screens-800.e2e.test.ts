import { everyScreen } from './every-screen';

// The size of the public Superstore sample (793 customers) that a consultant imports through the wizard.
everyScreen(800, 22, '800', 20_000, true);
