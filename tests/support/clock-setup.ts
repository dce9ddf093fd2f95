import { startTestClock } from "./test-clock";

// Every test file starts on the run's moment (TEST_NOW), never on the real date.
startTestClock();
