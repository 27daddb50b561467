import { everyScreen } from './every-screen';

// A generated portfolio of 100,000 accounts: every screen must still fit, read and finish drawing.
everyScreen(100_000, 7, '100k', 60_000);
