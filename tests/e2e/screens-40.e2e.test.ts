import { everyScreen } from './every-screen';

// The sample as a first run shows it: 42 accounts in its latest period, the size of one director's book.
everyScreen('sample', 0, '40', 20_000);
