import { App } from 'cdktf';
import { build } from './app';

const app = new App();
build(app);
app.synth();
