import { Miniflare } from 'miniflare';
import { createJiti } from 'jiti';
